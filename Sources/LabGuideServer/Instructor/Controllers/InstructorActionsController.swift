import Foundation
import Hummingbird
import LabContent
import LabJobs
import LabStore

/// The instructor's actions, as JSON writes (Content-Type application/json, which no cross-site form can send):
/// broadcast and withdraw, hold and release, clear a raised hand, and clean up one learner or the whole class.
struct InstructorActionsController {
    let instructor: InstructorContext

    struct BroadcastRequest: Decodable {
        let message: String
        let stepId: String?
    }

    struct BroadcastDTO: ResponseEncodable {
        let id: Int64
        let html: String
        let stepId: String?
        let createdAt: Date
    }

    struct HoldRequest: Decodable {
        let exerciseId: String
    }

    struct HoldStateDTO: ResponseEncodable {
        let hold: HoldDTO?
    }

    struct DoneDTO: ResponseEncodable {
        let changed: Bool
    }

    struct CleanupRequest: Decodable {
        let learnerId: Int64?
        let dryRun: Bool?
    }

    struct CleanupJobsDTO: ResponseEncodable {
        let jobs: [JobDTO]
    }

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.post("labs/:lab/broadcasts", use: broadcast)
        api.post("broadcasts/:broadcast/withdraw") { request, context -> DoneDTO in
            try request.requireJSONContentType()
            let raw = context.parameters.get("broadcast") ?? ""
            guard let id = Int64(raw), try await instructor.database.withdrawBroadcast(id: id, at: instructor.now()) else {
                throw HTTPError(.notFound, message: "There is no broadcast “\(raw)” on the pages.")
            }
            return DoneDTO(changed: true)
        }
        api.post("labs/:lab/hold") { request, context -> HoldStateDTO in
            try request.requireJSONContentType()
            let lab = try instructor.lab(request, context)
            let body = try await request.decode(as: HoldRequest.self, context: context)
            guard let exercise = lab.exercise(id: body.exerciseId) else {
                throw HTTPError(.notFound, message: "The lab “\(lab.title)” has no exercise called “\(body.exerciseId)”.")
            }
            let hold = ClassHold(labID: lab.id, exerciseID: exercise.id, heldAt: instructor.now())
            try await instructor.database.holdClass(hold)
            return HoldStateDTO(hold: HoldDTO(exerciseId: exercise.id, exerciseTitle: exercise.title, heldAt: hold.heldAt))
        }
        api.post("labs/:lab/release") { request, context -> HoldStateDTO in
            try request.requireJSONContentType()
            let lab = try instructor.lab(request, context)
            try await instructor.database.releaseClass(labID: lab.id)
            return HoldStateDTO(hold: nil)
        }
        api.post("hands/:learner/clear") { request, context -> DoneDTO in
            try request.requireJSONContentType()
            let learner = try await instructor.learner(context)
            return DoneDTO(changed: try await instructor.database.lowerHand(learnerID: learner.id ?? 0, at: instructor.now()))
        }
        api.post("labs/:lab/cleanup", use: cleanup)
        api.get("labs/:lab/cleanup") { request, context -> CleanupJobsDTO in
            let lab = try instructor.lab(request, context)
            let jobs = try await instructor.jobs.jobs(JobFilter(kind: CleanupJob.name, limit: 1000)).filter { $0.labID == lab.id }
            var latest: [Int64: JobRecord] = [:]
            for job in jobs where latest[job.learnerID ?? 0] == nil { latest[job.learnerID ?? 0] = job }
            return CleanupJobsDTO(jobs: latest.values.sorted { $0.id < $1.id }.map(JobDTO.init))
        }
    }

    @Sendable func broadcast(request: Request, context: AppRequestContext) async throws -> EditedResponse<BroadcastDTO> {
        try request.requireJSONContentType()
        let lab = try instructor.lab(request, context)
        let body = try await request.decode(as: BroadcastRequest.self, context: context)
        let message = body.message.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !message.isEmpty else { throw HTTPError(.badRequest, message: "A broadcast needs a message.") }
        guard message.count <= BroadcastText.maximumLength else {
            throw HTTPError(
                .badRequest,
                message: "A broadcast holds at most \(BroadcastText.maximumLength) characters; this one has \(message.count).")
        }
        let stepID = body.stepId.flatMap { $0.isEmpty ? nil : $0 }
        if let stepID, lab.step(id: stepID) == nil {
            throw HTTPError(.notFound, message: "The lab “\(lab.title)” has no step called “\(stepID)”.")
        }
        let stored = try await instructor.database.postBroadcast(
            ClassBroadcast(labID: lab.id, stepID: stepID, body: message, createdAt: instructor.now()))
        return EditedResponse(
            status: .created,
            response: BroadcastDTO(
                id: stored.id ?? 0, html: BroadcastText.html(message), stepId: stepID, createdAt: stored.createdAt))
    }

    /// Queues the same cleanup jobs the learners' own buttons do (same unique keys: no second job while one runs).
    @Sendable func cleanup(request: Request, context: AppRequestContext) async throws -> EditedResponse<CleanupJobsDTO> {
        try request.requireJSONContentType()
        let lab = try instructor.lab(request, context)
        let body = try await request.decode(as: CleanupRequest.self, context: context)
        let isDryRun = body.dryRun ?? true
        var learners: [Learner]
        if let id = body.learnerId {
            guard let learner = try await instructor.database.learner(id: id) else {
                throw HTTPError(.notFound, message: "There is no learner with the id “\(id)”.")
            }
            learners = [learner]
        } else {
            learners = try await instructor.database.allLearners()
        }
        var started: [JobDTO] = []
        for learner in learners {
            let id = learner.id ?? 0
            let (job, _) = try await instructor.jobs.enqueue(
                CleanupJob.self, .init(learnerID: id, labID: lab.id, isDryRun: isDryRun), learnerID: id, labID: lab.id,
                uniqueKey: "\(isDryRun ? "cleanup-preview" : "cleanup"):\(id):\(lab.id)")
            started.append(JobDTO(job))
        }
        return EditedResponse(status: .accepted, response: CleanupJobsDTO(jobs: started))
    }
}
