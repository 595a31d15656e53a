public import Foundation
public import LabStore

/// What a running job can do besides its work: write its log, report progress, and check for cancellation.
public struct JobContext: Sendable {
    public let jobID: Int64
    /// 1 for the first attempt.
    public let attempt: Int
    public let learnerID: Int64?
    public let labID: String?
    let queue: JobQueue
    let control: JobRunControl

    /// Appends a line to the job's log, streamed to whoever follows the job.
    ///
    /// A log line that cannot be stored is dropped rather than failing the job: the work matters more than its log.
    public func log(_ level: JobLogEntry.Level, _ message: String, fields: [String: String] = [:]) async {
        let entry = JobLogEntry(jobID: jobID, at: queue.clock.now(), level: level, message: message, fields: fields)
        _ = try? await queue.database.appendJobLog(entry)
        queue.signal.notify(.job(jobID))
    }

    /// Records `completed` of `total` steps done, with a short message for the page.
    public func progress(completed: Int, total: Int, message: String) async {
        try? await queue.database.updateJobProgress(jobID: jobID, completed: completed, total: total, message: message)
        queue.signal.notify(.job(jobID))
    }

    /// Throws `CancellationError` when the job was cancelled or must stop; call it before each AWS call.
    public func checkpoint() async throws {
        if control.stopReason != nil { throw CancellationError() }
        try Task.checkCancellation()
    }

    /// True once the job has been asked to stop.
    public var isCancelled: Bool { control.stopReason != nil || Task.isCancelled }
}
