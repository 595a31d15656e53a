import Foundation
import Hummingbird
import LabContent
import LabJobs
import LabStore

/// `/api/v1/instructor/…`: everything the class view shows, as JSON, behind the instructor gate (but sign-in).
struct InstructorAPIController {
    let instructor: InstructorContext
    let health: InstructorHealth

    struct SignInRequest: Decodable {
        let key: String
    }

    struct SignedIn: ResponseEncodable {
        let signedIn: Bool
    }

    func addRoutes(to router: Router<AppRequestContext>, gate: InstructorGate) {
        router.post("api/v1/instructor/session", use: signIn)
        let api = router.group("api/v1/instructor").add(middleware: gate)
        api.get("health") { _, _ in try await health.report() }
        api.get("labs/:lab/class", use: board)
        api.get("labs/:lab/class.csv") { request, context in
            let lab = try instructor.lab(request, context)
            return ClassCSV.response(board: try await instructor.loader.board(lab: lab).board, lab: lab)
        }
        api.get("labs/:lab/learners/:learner") { request, context -> LearnerDetailDTO in
            let lab = try instructor.lab(request, context)
            return try await LearnerDetailDTO.load(
                learner: try await instructor.learner(context), lab: lab, instructor: instructor)
        }
        api.get("labs/:lab/events") { request, context -> Response in
            let lab = try instructor.lab(request, context)
            let after = Self.lastEventID(request)
            let stream = InstructorEventStream(
                loader: instructor.loader, database: instructor.database, lab: lab,
                exerciseID: try instructor.exerciseID(request, in: lab), afterEventID: after)
            return Response(
                status: .ok,
                headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                body: ResponseBody { writer in try await stream.write(to: &writer) })
        }
    }

    @Sendable func signIn(request: Request, context: AppRequestContext) async throws -> Response {
        try request.requireJSONContentType()
        let body = try await request.decode(as: SignInRequest.self, context: context)
        let cookie = try await instructor.access.signIn(key: body.key, address: context.clientAddress)
        var response = try SignedIn(signedIn: true).response(from: request, context: context)
        response.status = .created
        response.setCookie(cookie)
        return response
    }

    @Sendable func board(request: Request, context: AppRequestContext) async throws -> ClassBoardDTO {
        let lab = try instructor.lab(request, context)
        let exerciseID = try instructor.exerciseID(request, in: lab)
        let (board, state, lastEventID) = try await instructor.loader.board(lab: lab)
        return ClassBoardDTO(
            board: board, rows: board.sorted(by: instructor.order(request)), lastEventID: lastEventID,
            hold: state.holds[lab.id]
        ).onlyExercise(exerciseID)
    }

    /// `Last-Event-ID` (a reconnecting `EventSource`) wins over `?after=` (the id the page was rendered at).
    static func lastEventID(_ request: Request) -> Int64? {
        if let header = request.headers[.lastEventID], let id = Int64(header) { return id }
        return request.uri.queryParameters.get("after").flatMap { Int64($0) }
    }
}
