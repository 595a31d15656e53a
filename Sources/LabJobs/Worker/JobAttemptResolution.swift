import Foundation
import LabStore

/// How a finished attempt is written back: the retry half of the queue's state machine.
enum JobAttemptResolution: Equatable {
    /// Store this outcome under our lease.
    case record(JobAttemptOutcome)
    /// Shutdown interrupted it: give the lease back so the job runs again at once, attempt not counted.
    case releaseLease
    /// The lease is gone: another worker or the rescuer owns the job's fate now.
    case leaveAlone

    /// Decides from what `run` returned or threw and why the job was stopped, if it was.
    ///
    /// Cancellation wins over any error a cancelled kind throws; a permanent `JobFailure` discards at once; any other
    /// error is transient and retried after the policy's backoff while attempts remain.
    static func resolve(
        _ result: Result<String, any Error>, stopReason: JobStopReason?, job: JobRecord, policy: JobRetryPolicy,
        now: Date, using generator: inout some RandomNumberGenerator
    ) -> JobAttemptResolution {
        switch stopReason {
        case .leaseLost: return .leaveAlone
        case .cancelRequested: return .record(.cancelled)
        case .shutdown: return .releaseLease
        case nil: break
        }
        let error: any Error
        switch result {
        case .success(let output): return .record(.completed(result: output))
        case .failure(let failure): error = failure
        }
        if error is CancellationError { return .releaseLease }
        let failure = error as? JobFailure
        let message = failure?.message ?? String(describing: error)
        let attemptError = JobAttemptError(at: now, attempt: job.attempt, message: message)
        if failure?.isPermanent == true || job.attempt >= job.maxAttempts {
            return .record(.failed(attemptError, retryAt: nil))
        }
        let delay = policy.delay(afterAttempt: job.attempt, using: &generator)
        return .record(.failed(attemptError, retryAt: now.addingTimeInterval(delay.seconds)))
    }
}
