public import Foundation
public import LabContent
public import LabStore

/// Starts Verify for a learner: one job for the steps asked, with an attempt per step committed in the same
/// transaction, so the page has the attempt to show before any check runs.
///
/// The unique key is per learner, lab and scope: a second click while that Verify runs returns the same attempts.
public struct VerifyRequests: Sendable {
    /// What one click asks to verify; the key part of the job's unique key.
    public enum Scope: Sendable, Equatable {
        case step(String)
        case exercise(String)
        /// Every step up to and including the learner's current one.
        case upTo(String)

        var key: String {
            switch self {
            case .step(let id): "step:\(id)"
            case .exercise(let id): "exercise:\(id)"
            case .upTo(let id): "up-to:\(id)"
            }
        }
    }

    let queue: JobQueue

    public init(queue: JobQueue) {
        self.queue = queue
    }

    /// Queues Verify of `steps` (those without checks are left out), or joins the one already running for `scope`.
    public func start(learnerID: Int64, lab: Lab, steps: [Step], scope: Scope) async throws -> AppDatabase.StartedVerify {
        let checked = steps.filter { !$0.checks.isEmpty }
        let arguments = VerifyJob.Arguments(learnerID: learnerID, labID: lab.id)
        let job = NewJob(
            kind: VerifyJob.name, learnerID: learnerID, labID: lab.id, uniqueKey: "verify:\(learnerID):\(lab.id):\(scope.key)",
            maxAttempts: queue.registry.retryPolicy(forKind: VerifyJob.name)?.maxAttempts ?? 2,
            arguments: String(decoding: try JSONEncoder.jobs.encode(arguments), as: UTF8.self))
        let now = queue.clock.now()
        let event = LearnerEvent(
            learnerID: learnerID, kind: .startedJob, labID: lab.id, stepID: checked.count == 1 ? checked[0].id : nil,
            createdAt: now)
        let started = try await queue.database.startVerify(
            job, steps: checked.map { ($0.id, $0.checks.count) }, event: event, at: now)
        if started.isNew { queue.signal.notify(.queue) }
        return started
    }
}
