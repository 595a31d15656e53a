import LabChecks
import LabContent
import LabStore
import Resilience

/// The learner and lab a lab job names, or a permanent failure: a job for someone who no longer exists never heals.
enum LabJobInputs {
    static func load(_ learnerID: Int64, _ labID: String, database: AppDatabase, labs: LabLibrary) async throws
        -> (Learner, Lab)
    {
        guard let learner = try await database.learner(id: learnerID) else {
            throw JobFailure.permanent("there is no learner \(learnerID)")
        }
        guard let lab = labs.lab(id: labID) else { throw JobFailure.permanent("there is no lab \(labID)") }
        return (learner, lab)
    }
}

/// AWS failures as the queue wants them: permanent ones (AccessDenied, a bad parameter) end the job at once with
/// AWS's code and message; transient ones (throttling, an open circuit, a dead endpoint) are retried.
enum LabJobFailure {
    static func from(_ error: any Error, doing what: String) -> any Error {
        if error is CancellationError || error is JobFailure { return error }
        switch classify(error) {
        case .permanent(let message): return JobFailure.permanent("\(what): \(message)")
        case .transient(let message): return JobFailure.transient("\(what): \(message)")
        }
    }
}

extension JobRetryPolicy {
    /// Five tries, one to ten seconds apart: rides out a restarting emulator, and survives a few server crashes
    /// (a rescued lease counts as an attempt), yet fails a dead endpoint within half a minute.
    static let awsResources = JobRetryPolicy(
        maxAttempts: 5, backoff: Backoff(base: .seconds(1), cap: .seconds(10), jitter: .full))
}
