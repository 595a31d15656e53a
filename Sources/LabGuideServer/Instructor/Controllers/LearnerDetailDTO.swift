import Foundation
import Hummingbird
import LabContent
import LabJobs
import LabStore

/// `GET /api/v1/instructor/labs/{lab}/learners/{learner}`: one learner in full.
struct LearnerDetailDTO: ResponseEncodable, Sendable {
    struct Event: Codable, Sendable {
        let id: Int64
        let kind: String
        let stepId: String?
        let at: Date
    }

    struct CheckResult: Codable, Sendable {
        let check: String
        let status: String
        let summary: String
        let expected: String?
        let observed: String?
        let hint: String?
        /// The fields that decided the result, as JSON text: the evidence.
        let facts: String
        /// The AWS calls made, as JSON text.
        let calls: String
    }

    struct Attempt: Codable, Sendable {
        let id: Int64
        let stepId: String
        let state: String
        let startedAt: Date
        let finishedAt: Date?
        let checks: [CheckResult]
    }

    struct StillRunning: Codable, Sendable {
        let kind: String
        let name: String
        let summary: String
        let hourlyCost: Double?
    }

    let row: ClassRowDTO
    let events: [Event]
    let attempts: [Attempt]
    let jobs: [JobDTO]
    /// From the latest finished cleanup scan (a dry run): nil when none ran yet.
    let stillRunning: [StillRunning]?
    let stillRunningScannedAt: Date?

    static func load(learner: Learner, lab: Lab, instructor: InstructorContext) async throws -> LearnerDetailDTO {
        let id = learner.id ?? 0
        let (board, _, _) = try await instructor.loader.board(lab: lab)
        guard let row = board.rows.first(where: { $0.learner.id == id }) else {
            throw HTTPError(.notFound, message: "There is no learner with the id “\(id)”.")
        }
        let events = try await instructor.database.events(learnerID: id)
            .filter { $0.labID == nil || $0.labID == lab.id }.suffix(500)
        let attempts = try await instructor.database.verifyAttempts(learnerID: id, labID: lab.id, limit: 200)
        let results = try await instructor.database.checkResults(attemptIDs: attempts.map(\.id))
        let jobs = try await instructor.jobs.jobs(JobFilter(learnerID: id, limit: 50)).filter { $0.labID == lab.id }
        let scan = jobs.first { $0.kind == CleanupJob.name && $0.state == .completed && $0.result != nil }
        let output = scan?.decodedResult(as: CleanupJob.Output.self)
        return LearnerDetailDTO(
            row: ClassRowDTO(row),
            events: events.map { Event(id: $0.id ?? 0, kind: $0.kind.rawValue, stepId: $0.stepID, at: $0.createdAt) },
            attempts: attempts.map { attempt in
                Attempt(
                    id: attempt.id, stepId: attempt.stepID, state: attempt.state.rawValue, startedAt: attempt.startedAt,
                    finishedAt: attempt.finishedAt,
                    checks: (results[attempt.id] ?? []).map {
                        CheckResult(
                            check: $0.check, status: $0.status, summary: $0.summary, expected: $0.expected,
                            observed: $0.observed, hint: $0.hint, facts: $0.facts, calls: $0.calls)
                    })
            }, jobs: jobs.map(JobDTO.init),
            stillRunning: output?.stillRunning.map {
                StillRunning(kind: $0.kind, name: $0.name, summary: $0.summary, hourlyCost: $0.hourlyCost)
            }, stillRunningScannedAt: scan?.finishedAt)
    }
}
