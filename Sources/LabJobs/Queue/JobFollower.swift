import LabStore

/// Turns successive reads of a job and its log into the updates a follower has not seen yet.
///
/// Shared by the CLI's `runToCompletion` and usable by any poller: log lines in id order, then the job when
/// anything but its lease moved.
struct JobFollower {
    let jobID: Int64
    private(set) var lastLogID: Int64?
    private var lastJob: JobRecord?

    init(jobID: Int64, afterLogID: Int64? = nil) {
        self.jobID = jobID
        self.lastLogID = afterLogID
    }

    mutating func publish(
        _ job: JobRecord, from database: AppDatabase, to onUpdate: @Sendable (JobUpdate) async -> Void
    ) async throws {
        for entry in try await database.jobLog(jobID: jobID, after: lastLogID) {
            lastLogID = entry.id
            await onUpdate(.log(entry))
        }
        if let lastJob, Self.visiblePart(of: lastJob) == Self.visiblePart(of: job) { return }
        lastJob = job
        await onUpdate(.job(job))
    }

    /// A job without its lease expiry, which every heartbeat moves.
    private static func visiblePart(of job: JobRecord) -> JobRecord {
        var job = job
        job.leaseExpiresAt = nil
        return job
    }
}
