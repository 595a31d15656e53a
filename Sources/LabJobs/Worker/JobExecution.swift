import Foundation
import LabStore
import Logging

/// Runs one claimed job to the end of its attempt and writes back how it ended.
///
/// The kind runs beside a watcher on its stop button; when the heartbeat, a cancel or shutdown presses it, the
/// kind's task is cancelled, so it stops at its next checkpoint or cancellable wait.
struct JobExecution: Sendable {
    let queue: JobQueue
    let registry: JobRegistry
    let owner: String
    let recorder: AttemptRecorder
    let logger: Logger

    func run(_ job: JobRecord) async {
        let control = JobRunControl()
        queue.runningControls.register(control, for: job.id)
        defer { queue.runningControls.remove(jobID: job.id) }
        let started = queue.clock.now()
        queue.metrics?.recordStarted(waited: .seconds(started.timeIntervalSince(job.runAt)))
        let result: Result<String, any Error>
        let policy: JobRetryPolicy
        if let kind = registry.kind(named: job.kind) {
            policy = kind.retryPolicy
            let context = JobContext(
                jobID: job.id, attempt: job.attempt, learnerID: job.learnerID, labID: job.labID, queue: queue,
                control: control)
            result = await Self.execute(kind, job.arguments, context: context, control: control)
        } else {
            policy = .once
            result = .failure(JobFailure.permanent("No job kind named \(job.kind) is registered in this worker."))
        }
        let now = queue.clock.now()
        var generator = SystemRandomNumberGenerator()
        let resolution = JobAttemptResolution.resolve(
            result, stopReason: control.stopReason, job: job, policy: policy, now: now, using: &generator)
        let outcome: String
        switch resolution {
        case .record(let attemptOutcome):
            await recorder.record(jobID: job.id, outcome: attemptOutcome)
            outcome = attemptOutcome.metricName
        case .releaseLease:
            try? await queue.database.releaseLeases(jobIDs: [job.id], owner: owner, now: now)
            outcome = "released"
        case .leaveAlone:
            logger.warning("Job lost its lease while running", metadata: ["job.id": "\(job.id)", "job.kind": "\(job.kind)"])
            outcome = "released"
        }
        queue.metrics?.recordAttempt(kind: job.kind, outcome: outcome, duration: .seconds(now.timeIntervalSince(started)))
        queue.signal.notify(.job(job.id))
    }

    /// Runs the kind, cancelling it when the control is stopped; returns what the kind returned or threw.
    private static func execute(
        _ kind: RegisteredJobKind, _ arguments: String, context: JobContext, control: JobRunControl
    ) async -> Result<String, any Error> {
        await withTaskGroup(of: Result<String, any Error>?.self) { group in
            group.addTask {
                do { return .success(try await kind.run(arguments, context)) } catch { return .failure(error) }
            }
            group.addTask {
                _ = await control.waitForStop()
                return nil
            }
            while let next = await group.next() {
                group.cancelAll()
                if let result = next { return result }
            }
            return .failure(CancellationError())
        }
    }
}

extension JobAttemptOutcome {
    var metricName: String {
        switch self {
        case .completed: "completed"
        case .failed: "failed"
        case .cancelled: "cancelled"
        }
    }
}
