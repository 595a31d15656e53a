public import Foundation
public import LabStore

/// The handle the server, the CLI and the workers share: enqueue, read, cancel and retry jobs, and wait for changes.
///
/// It wraps the store, the clock and the in-process wake-up signal. Copies share the signal, so build one queue per
/// process and hand it around.
public struct JobQueue: Sendable {
    public let database: AppDatabase
    public let clock: JobClock
    /// Kinds whose retry policy sets `maxAttempts` at enqueue time.
    public let registry: JobRegistry
    /// Where the queue's figures go; nil records nothing.
    public let metrics: JobMetrics?
    let signal = JobSignal()
    /// Enqueues that arrive together commit together.
    let batcher = EnqueueBatcher()
    /// Jobs running in this process, so a cancel here stops them at once instead of at the next heartbeat.
    let runningControls = RunningControls()

    public init(
        database: AppDatabase, clock: JobClock = .system, registry: JobRegistry = JobRegistry(), metrics: JobMetrics? = nil
    ) {
        self.database = database
        self.clock = clock
        self.registry = registry
        self.metrics = metrics
    }

    /// Queues a job of `Kind`, or returns the active job holding `uniqueKey` (`isNew` false); wakes idle workers.
    ///
    /// With `event`, the learner event commits in the same transaction as the job (and only for a new job).
    public func enqueue<Kind: JobKind>(
        _ kind: Kind.Type, _ arguments: Kind.Arguments, learnerID: Int64?, labID: String?, uniqueKey: String?,
        priority: Int = 0, runAt: Date? = nil, maxAttempts: Int? = nil, event: LearnerEvent? = nil
    ) async throws -> (job: JobRecord, isNew: Bool) {
        let attempts =
            maxAttempts ?? registry.retryPolicy(forKind: Kind.name)?.maxAttempts ?? JobRetryPolicy.standard.maxAttempts
        let job = NewJob(
            kind: Kind.name, learnerID: learnerID, labID: labID, uniqueKey: uniqueKey, priority: priority,
            maxAttempts: attempts, runAt: runAt,
            arguments: String(decoding: try JSONEncoder.jobs.encode(arguments), as: UTF8.self))
        let enqueued = try await batcher.enqueue(job, event: event, at: clock.now, into: database)
        if enqueued.isNew { signal.notify(.queue) }
        return enqueued
    }

    public func job(id: Int64) async throws -> JobRecord? {
        try await database.job(id: id)
    }

    /// Log lines after `id`, oldest first.
    public func log(jobID: Int64, after id: Int64? = nil) async throws -> [JobLogEntry] {
        try await database.jobLog(jobID: jobID, after: id)
    }

    public func jobs(_ filter: JobFilter = JobFilter()) async throws -> [JobRecord] {
        try await database.jobs(filter)
    }
}
