import Foundation
import HTTPTypes
import Hummingbird
import LabJobs
import LabStore

/// `/api/v1/jobs/{id}`: a learner reads, follows and cancels their own jobs; anyone else's job is a 404.
///
/// Handlers never run a job: they read the store and wait on the queue's in-process signal.
struct JobsAPIController {
    let jobs: JobQueue

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(":id", use: show)
        group.get(":id/events", use: events)
        group.post(":id/cancel", use: cancel)
    }

    @Sendable func show(request: Request, context: AppRequestContext) async throws -> JobDTO {
        JobDTO(try await ownJob(context))
    }

    @Sendable func cancel(request: Request, context: AppRequestContext) async throws -> JobDTO {
        try request.requireJSONContentType()
        let job = try await ownJob(context)
        return JobDTO(try await jobs.cancel(jobID: job.id) ?? job)
    }

    @Sendable func events(request: Request, context: AppRequestContext) async throws -> Response {
        let job = try await ownJob(context)
        let resumeAfter = request.headers[.lastEventID].flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
        let stream = JobEventStream(jobs: jobs, jobID: job.id, afterLogID: resumeAfter)
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream", .cacheControl: "no-cache", .accelBuffering: "no"],
            body: ResponseBody { writer in try await stream.write(to: &writer) })
    }

    /// The job in the path when it belongs to the signed-in learner; a 404 otherwise, so ids reveal nothing.
    private func ownJob(_ context: AppRequestContext) async throws -> JobRecord {
        let learner = try context.requireLearner()
        guard let id = Int64(try context.parameters.require("id")), let job = try await jobs.job(id: id),
            job.learnerID != nil, job.learnerID == learner.id
        else {
            throw HTTPError(.notFound, message: "There is no job with this id.")
        }
        return job
    }
}

extension HTTPField.Name {
    static let lastEventID = HTTPField.Name("Last-Event-ID")!
    /// Tells nginx not to buffer the event stream.
    static let accelBuffering = HTTPField.Name("X-Accel-Buffering")!
}
