import LabStore
import Logging

/// Writes finished attempts to the store with group commit: whoever arrives while a write is in flight joins the
/// next batch, so a busy pool pays one transaction per batch rather than one per job.
actor AttemptRecorder {
    private let queue: JobQueue
    private let owner: String
    private let logger: Logger
    private var pending: [(jobID: Int64, outcome: JobAttemptOutcome)] = []
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var isWriting = false

    init(queue: JobQueue, owner: String, logger: Logger) {
        self.queue = queue
        self.owner = owner
        self.logger = logger
    }

    /// Returns once the outcome is committed (or the write failed and was logged; the lease then expires and the
    /// job is rescued, so nothing is lost).
    func record(jobID: Int64, outcome: JobAttemptOutcome) async {
        pending.append((jobID, outcome))
        if isWriting {
            await withCheckedContinuation { waiters.append($0) }
            return
        }
        isWriting = true
        while !pending.isEmpty || !waiters.isEmpty {
            let batch = pending
            let batchWaiters = waiters
            pending = []
            waiters = []
            do {
                try await queue.database.finishAttempts(batch, owner: owner, now: queue.clock.now())
            } catch {
                logger.error("Could not record finished jobs", metadata: ["job.count": "\(batch.count)", "error": "\(error)"])
            }
            for (jobID, _) in batch { queue.signal.notify(.job(jobID)) }
            for waiter in batchWaiters { waiter.resume() }
        }
        isWriting = false
    }
}
