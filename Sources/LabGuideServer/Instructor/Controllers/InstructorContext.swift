import Foundation
import Hummingbird
import LabContent
import LabJobs
import LabStore

/// What every instructor route shares: the store, the labs, the board loader and the clock.
struct InstructorContext: Sendable {
    let database: AppDatabase
    let labs: LabLibrary
    let jobs: JobQueue
    let loader: ClassBoardLoader
    let access: InstructorAccess
    let now: @Sendable () -> Date

    /// The lab named by `?lab=` or the route's `{lab}`, else the first lab; 404 for one that does not exist.
    func lab(_ request: Request, _ context: AppRequestContext) throws -> Lab {
        let id = context.parameters.get("lab") ?? request.uri.queryParameters.get("lab")
        guard let id else {
            guard let first = labs.labs.first else { throw HTTPError(.notFound, message: "No lab is loaded.") }
            return first
        }
        guard let lab = labs.lab(id: id) else { throw HTTPError(.notFound, message: "There is no lab called “\(id)”.") }
        return lab
    }

    /// `?exercise=` when given: 404 for an exercise the lab does not have.
    func exerciseID(_ request: Request, in lab: Lab) throws -> String? {
        guard let id = request.uri.queryParameters.get("exercise"), !id.isEmpty else { return nil }
        guard lab.exercise(id: id) != nil else {
            throw HTTPError(.notFound, message: "The lab “\(lab.title)” has no exercise called “\(id)”.")
        }
        return id
    }

    /// The learner of the route's `{learner}` id; 404 for anyone else.
    func learner(_ context: AppRequestContext) async throws -> Learner {
        let raw = context.parameters.get("learner") ?? ""
        guard let id = Int64(raw), let learner = try await database.learner(id: id) else {
            throw HTTPError(.notFound, message: "There is no learner with the id “\(raw)”.")
        }
        return learner
    }

    func order(_ request: Request) -> ClassBoard.RowOrder {
        request.uri.queryParameters.get("sort").flatMap(ClassBoard.RowOrder.init(rawValue:)) ?? .stuckFirst
    }
}
