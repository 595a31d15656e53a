import Foundation
import Hummingbird
import LabContent
import LabJobs
import LabStore
import NIOCore

/// Provision and clean up a learner's lab resources: JSON for the page script, forms for browsers without it.
///
/// A handler only queues a job and answers with it; the worker makes the AWS calls, and the page follows the job's
/// events. The unique keys make a second click while a job runs return that same job.
struct LabJobsController {
    let lookup: LabLookup
    let jobs: JobQueue
    let csrf: CSRFProtection

    struct CleanupRequest: Decodable {
        let dryRun: Bool?
    }

    struct JobForm: Decodable {
        let _csrf: String?
        let dryRun: String?
    }

    func addRoutes(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.post(":lab/provision", use: provisionJSON)
        api.post(":lab/cleanup", use: cleanupJSON)
        api.get(":lab/jobs", use: recentJobs)
        pages.post("labs/:lab/provision", use: provisionForm)
        pages.post("labs/:lab/cleanup", use: cleanupForm)
    }

    @Sendable func provisionJSON(request: Request, context: AppRequestContext) async throws -> EditedResponse<StartedJobDTO> {
        try request.requireJSONContentType()
        let learner = try context.requireLearner()
        return try await started(try await startProvision(learner: learner, lab: try provisionableLab(context)))
    }

    @Sendable func cleanupJSON(request: Request, context: AppRequestContext) async throws -> EditedResponse<StartedJobDTO> {
        try request.requireJSONContentType()
        let learner = try context.requireLearner()
        let lab = try lookup.lab(context)
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        // Deleting is never the default: an empty body, or one without dryRun, asks for the dry run.
        var isDryRun = true
        if body.readableBytes > 0 {
            guard let decoded = try? JSONDecoder().decode(CleanupRequest.self, from: Data(body.readableBytesView)) else {
                throw HTTPError(.badRequest, message: "Send {\"dryRun\": true} to preview, or {\"dryRun\": false} to delete.")
            }
            isDryRun = decoded.dryRun ?? true
        }
        return try await started(try await startCleanup(learner: learner, lab: lab, isDryRun: isDryRun))
    }

    /// The learner's latest jobs in this lab, newest first, so a reloaded page picks up where it was.
    @Sendable func recentJobs(request: Request, context: AppRequestContext) async throws -> JobListDTO {
        let learner = try context.requireLearner()
        let lab = try lookup.lab(context)
        let kind = request.uri.queryParameters.get("kind")
        let records = try await jobs.jobs(JobFilter(learnerID: learner.id, kind: kind, limit: 20))
            .filter { $0.labID == lab.id }
        return JobListDTO(jobs: records.prefix(5).map(JobDTO.init))
    }

    @Sendable func provisionForm(request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: JobForm.self, context: context)
        try csrf.verify(submitted: form._csrf, request: request)
        guard let learner = context.learner else { return LabPagesController.joinFirst(request) }
        let lab = try provisionableLab(context)
        _ = try await startProvision(learner: learner, lab: lab)
        return LocalRedirect.seeOther("/labs/\(lab.id)#provision")
    }

    @Sendable func cleanupForm(request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: JobForm.self, context: context)
        try csrf.verify(submitted: form._csrf, request: request)
        guard let learner = context.learner else { return LabPagesController.joinFirst(request) }
        let lab = try lookup.lab(context)
        _ = try await startCleanup(learner: learner, lab: lab, isDryRun: form.dryRun == "true")
        return LocalRedirect.seeOther("/labs/\(lab.id)#cleanup")
    }

    private func provisionableLab(_ context: AppRequestContext) throws -> Lab {
        let lab = try lookup.lab(context)
        guard !lab.provision.isEmpty else {
            throw HTTPError(.notFound, message: "The lab “\(lab.title)” declares nothing to provision.")
        }
        return lab
    }

    private func startProvision(learner: Learner, lab: Lab) async throws -> (job: JobRecord, isNew: Bool) {
        let id = learner.id ?? 0
        return try await jobs.enqueue(
            ProvisionJob.self, .init(learnerID: id, labID: lab.id), learnerID: id, labID: lab.id,
            uniqueKey: "provision:\(id):\(lab.id)")
    }

    private func startCleanup(learner: Learner, lab: Lab, isDryRun: Bool) async throws -> (job: JobRecord, isNew: Bool) {
        let id = learner.id ?? 0
        return try await jobs.enqueue(
            CleanupJob.self, .init(learnerID: id, labID: lab.id, isDryRun: isDryRun), learnerID: id, labID: lab.id,
            uniqueKey: "\(isDryRun ? "cleanup-preview" : "cleanup"):\(id):\(lab.id)")
    }

    /// 202 for a new job, 200 for the one already queued or running under the same key.
    private func started(_ enqueued: (job: JobRecord, isNew: Bool)) async throws -> EditedResponse<StartedJobDTO> {
        EditedResponse(
            status: enqueued.isNew ? .accepted : .ok, headers: [.location: "/api/v1/jobs/\(enqueued.job.id)"],
            response: StartedJobDTO(job: JobDTO(enqueued.job), isNew: enqueued.isNew))
    }
}

struct StartedJobDTO: ResponseEncodable, Sendable {
    let job: JobDTO
    /// False when a job with the same purpose was already queued or running: this is that job.
    let isNew: Bool
}

struct JobListDTO: ResponseEncodable, Sendable {
    let jobs: [JobDTO]
}
