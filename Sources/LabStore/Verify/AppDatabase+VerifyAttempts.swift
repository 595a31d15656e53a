public import Foundation
import GRDB

extension AppDatabase {
    /// What `startVerify` did: the verify job (new, or the one already running for the same request) and an
    /// attempt per step, in the order asked.
    public struct StartedVerify: Sendable {
        public let job: JobRecord
        public let isNew: Bool
        public let attempts: [VerifyAttempt]
    }

    /// Queues a verify job and its attempts in one transaction, or returns the active job with the same unique key
    /// and its attempts: a second click while an attempt runs gets that same attempt.
    public func startVerify(
        _ job: NewJob, steps: [(stepID: String, checkCount: Int)], event: LearnerEvent?, at now: Date
    ) async throws -> StartedVerify {
        try await writer.write { db in
            if let key = job.uniqueKey, let existing = try Self.activeJob(uniqueKey: key, db) {
                let attempts = try VerifyAttempt.filter(VerifyAttempt.Columns.jobID == existing.id)
                    .order(VerifyAttempt.Columns.id).fetchAll(db)
                return StartedVerify(job: existing, isNew: false, attempts: attempts)
            }
            let inserted = try Self.insert(job, at: now, db)
            if var event { try event.insert(db) }
            let attempts = try steps.map { step in
                try db.execute(
                    sql: """
                        INSERT INTO verifyAttempt (learnerId, labId, stepId, jobId, state, checkCount, startedAt)
                        VALUES (?, ?, ?, ?, 'running', ?, ?)
                        """,
                    arguments: [job.learnerID ?? 0, job.labID ?? "", step.stepID, inserted.id, step.checkCount, now])
                return VerifyAttempt(
                    id: db.lastInsertedRowID, learnerID: job.learnerID ?? 0, labID: job.labID ?? "", stepID: step.stepID,
                    jobID: inserted.id, state: .running, checkCount: step.checkCount, passedCount: 0, failedCount: 0,
                    unsupportedCount: 0, errorCount: 0, startedAt: now, finishedAt: nil)
            }
            return StartedVerify(job: inserted, isNew: true, attempts: attempts)
        }
    }

    /// Clears an attempt's results before its checks run again (a retried job), so each check has one result.
    public func restartVerifyAttempt(id: Int64, at now: Date) async throws {
        try await writer.write { db in
            try StoredCheckResult.filter(StoredCheckResult.Columns.attemptID == id).deleteAll(db)
            try db.execute(
                sql: """
                    UPDATE verifyAttempt SET state = 'running', passedCount = 0, failedCount = 0, unsupportedCount = 0,
                    errorCount = 0, startedAt = ?, finishedAt = NULL WHERE id = ?
                    """, arguments: [now, id])
        }
    }

    /// Stores one check's result as soon as it is known, so the page can show it before the others finish.
    public func recordCheckResult(_ result: StoredCheckResult) async throws {
        try await writer.write { db in try result.save(db) }
    }

    /// Ends an attempt from its stored results; when every supported check passed, marks the step verified (which
    /// also counts as complete) and records the learner's event.
    @discardableResult
    public func finishVerifyAttempt(id: Int64, at now: Date) async throws -> VerifyAttempt? {
        let finished = try await writer.write { db -> VerifyAttempt? in
            guard var attempt = try VerifyAttempt.fetchOne(db, key: id) else { return nil }
            let statuses = try String.fetchAll(
                db, sql: "SELECT status FROM checkResult WHERE attemptId = ?", arguments: [id])
            attempt.passedCount = statuses.count { $0 == "passed" }
            attempt.failedCount = statuses.count { $0 == "failed" }
            attempt.unsupportedCount = statuses.count { $0 == "unsupported" }
            // A check without a result (the job stopped before it ended) counts as the target's fault, not a failure.
            attempt.errorCount = statuses.count { $0 == "error" } + max(0, attempt.checkCount - statuses.count)
            attempt.state = VerifyAttempt.finalState(
                passed: attempt.passedCount, failed: attempt.failedCount, unsupported: attempt.unsupportedCount,
                errors: attempt.errorCount)
            attempt.finishedAt = now
            try attempt.update(db)
            switch attempt.state {
            case .passed:
                try Self.markVerified(attempt, at: now, db)
            case .failed:
                var event = LearnerEvent(
                    learnerID: attempt.learnerID, kind: .failedVerify, labID: attempt.labID, stepID: attempt.stepID,
                    createdAt: now)
                try event.insert(db)
            case .running, .incomplete, .unsupported:
                break
            }
            return attempt
        }
        if let finished { cache.dropProgress(.init(learnerID: finished.learnerID, labID: finished.labID)) }
        return finished
    }

    private static func markVerified(_ attempt: VerifyAttempt, at now: Date, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO stepProgress (learnerId, labId, stepId, status, firstViewedAt, completedAt, verifiedAt)
                VALUES (?, ?, ?, 'verified', ?, ?, ?)
                ON CONFLICT (learnerId, labId, stepId) DO UPDATE SET status = 'verified',
                    completedAt = COALESCE(completedAt, excluded.completedAt),
                    verifiedAt = COALESCE(verifiedAt, excluded.verifiedAt)
                """,
            arguments: [attempt.learnerID, attempt.labID, attempt.stepID, now, now, now])
        var event = LearnerEvent(
            learnerID: attempt.learnerID, kind: .verifiedStep, labID: attempt.labID, stepID: attempt.stepID,
            createdAt: now)
        try event.insert(db)
    }
}
