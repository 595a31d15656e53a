import Hummingbird
import LabStore

/// `GET /healthz`: answers ok once the database responds, for load balancers and the Docker HEALTHCHECK.
struct HealthController {
    let database: AppDatabase

    struct Status: ResponseEncodable {
        let status: String
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("healthz") { _, _ -> Status in
            try await database.ping()
            return Status(status: "ok")
        }
    }
}
