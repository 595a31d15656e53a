public import Foundation
import GRDB

extension AppDatabase {
    /// Inserts a job, or returns the active job that already holds its unique key (`isNew` false), in one transaction.
    ///
    /// When `event` is given it is inserted in the same transaction, and only for a new job: the request, its job
    /// and the learner's event commit together or not at all (River's `InsertTx`).
    public func enqueueJob(_ job: NewJob, at now: Date, event: LearnerEvent? = nil) async throws
        -> (job: JobRecord, isNew: Bool)
    {
        try await writer.write { db in
            if let key = job.uniqueKey, let existing = try Self.activeJob(uniqueKey: key, db) {
                return (existing, false)
            }
            let inserted = try Self.insert(job, at: now, db)
            if var event {
                try event.insert(db)
            }
            return (inserted, true)
        }
    }

    /// Inserts many jobs in one transaction, skipping (and returning) those whose unique key is already active.
    public func enqueueJobs(_ jobs: [NewJob], at now: Date) async throws -> [(job: JobRecord, isNew: Bool)] {
        try await enqueueJobs(jobs.map { (job: $0, event: LearnerEvent?.none) }, at: now)
    }

    /// The same, each job with its learner event (inserted only for a new job): the group commit of
    /// `enqueueJob(_:at:event:)`. A key taken twice in one batch goes to the first; the second gets that job.
    public func enqueueJobs(_ jobs: [(job: NewJob, event: LearnerEvent?)], at now: Date) async throws
        -> [(job: JobRecord, isNew: Bool)]
    {
        try await writer.write { db in
            try jobs.map { job, event -> (job: JobRecord, isNew: Bool) in
                if let key = job.uniqueKey, let existing = try Self.activeJob(uniqueKey: key, db) {
                    return (existing, false)
                }
                let inserted = try Self.insert(job, at: now, db)
                if var event { try event.insert(db) }
                return (inserted, true)
            }
        }
    }

    static func activeJob(uniqueKey: String, _ db: Database) throws -> JobRecord? {
        try JobRecord.fetchOne(
            db,
            sql: "SELECT * FROM job WHERE uniqueKey = ? AND state IN (\(JobState.sqlList(JobState.allCases.filter(\.isActive))))",
            arguments: [uniqueKey])
    }

    static func insert(_ job: NewJob, at now: Date, _ db: Database) throws -> JobRecord {
        let runAt = max(job.runAt ?? now, now)
        let state: JobState = runAt > now ? .scheduled : .available
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO job (kind, learnerId, labId, uniqueKey, state, priority, maxAttempts, runAt, arguments, createdAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        try statement.execute(arguments: [
            job.kind, job.learnerID, job.labID, job.uniqueKey, state.rawValue, job.priority, job.maxAttempts, runAt,
            job.arguments, now,
        ])
        return JobRecord(
            id: db.lastInsertedRowID, kind: job.kind, learnerID: job.learnerID, labID: job.labID, uniqueKey: job.uniqueKey,
            state: state, priority: job.priority, attempt: 0, maxAttempts: job.maxAttempts, runAt: runAt,
            arguments: job.arguments, result: nil, errors: [], progressCompleted: 0, progressTotal: 0,
            progressMessage: nil, isCancelRequested: false, leaseOwner: nil, leaseExpiresAt: nil, createdAt: now,
            startedAt: nil, finishedAt: nil)
    }
}
