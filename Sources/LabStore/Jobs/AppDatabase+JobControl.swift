public import Foundation
import GRDB

/// Why the store refused to change a job.
public struct JobStoreError: Error, Equatable, CustomStringConvertible {
    public let description: String

    /// Only discarded and cancelled jobs can be retried.
    public static func notRetryable(_ state: JobState) -> JobStoreError {
        JobStoreError(description: "a \(state.rawValue) job cannot be retried; only discarded or cancelled jobs can")
    }

    /// Another job with the same unique key is queued or running.
    public static let uniqueKeyTaken = JobStoreError(
        description: "another job with the same unique key is already queued or running")
}

extension AppDatabase {
    /// Cancels a job: a queued one is cancelled at once, a running one is flagged for its worker to stop.
    ///
    /// A finished job is returned unchanged, so cancelling twice is harmless. Nil when there is no such job.
    public func requestCancel(jobID: Int64, now: Date) async throws -> JobRecord? {
        try await writer.write { db in
            guard var job = try JobRecord.fetchOne(db, key: jobID) else { return nil }
            switch job.state {
            case .available, .scheduled, .retryable:
                job.state = .cancelled
                job.finishedAt = now
                try db.execute(
                    sql: "UPDATE job SET state = 'cancelled', finishedAt = ? WHERE id = ?", arguments: [now, jobID])
            case .running:
                job.isCancelRequested = true
                try db.execute(sql: "UPDATE job SET isCancelRequested = 1 WHERE id = ?", arguments: [jobID])
            case .completed, .discarded, .cancelled:
                break
            }
            return job
        }
    }

    /// Puts a discarded or cancelled job back in the queue to run now, with one more attempt if it had used them all.
    ///
    /// Throws `JobStoreError` for other states, or when another active job holds the same unique key.
    public func retryJob(jobID: Int64, now: Date) async throws -> JobRecord? {
        try await writer.write { db in
            guard var job = try JobRecord.fetchOne(db, key: jobID) else { return nil }
            guard job.state == .discarded || job.state == .cancelled else { throw JobStoreError.notRetryable(job.state) }
            if let key = job.uniqueKey, try Self.activeJob(uniqueKey: key, db) != nil {
                throw JobStoreError.uniqueKeyTaken
            }
            job.state = .available
            job.runAt = now
            job.finishedAt = nil
            job.isCancelRequested = false
            job.maxAttempts = max(job.maxAttempts, job.attempt + 1)
            try db.execute(
                sql: """
                    UPDATE job SET state = 'available', runAt = ?, finishedAt = NULL, isCancelRequested = 0,
                        maxAttempts = ?
                    WHERE id = ?
                    """,
                arguments: [now, job.maxAttempts, jobID])
            return job
        }
    }

    /// Deletes finished jobs (and their logs) that finished before `cutoff`, except the kinds to keep for good.
    @discardableResult
    public func pruneFinishedJobs(finishedBefore cutoff: Date, keepingKinds: Set<String> = []) async throws -> Int {
        try await writer.write { db in
            var sql = "DELETE FROM job WHERE state IN ('completed', 'discarded', 'cancelled') AND finishedAt < ?"
            var arguments: StatementArguments = [cutoff]
            if !keepingKinds.isEmpty {
                sql += " AND kind NOT IN (\(databaseQuestionMarks(count: keepingKinds.count)))"
                arguments += StatementArguments(keepingKinds.sorted())
            }
            try db.execute(sql: sql, arguments: arguments)
            return db.changesCount
        }
    }
}
