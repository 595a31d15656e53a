public import Foundation
import GRDB

/// How one attempt ended, as a worker reports it to the store.
public enum JobAttemptOutcome: Sendable, Equatable {
    /// The job completed with this JSON result.
    case completed(result: String)
    /// The attempt failed; the job runs again at `retryAt`, or is discarded when `retryAt` is nil.
    case failed(JobAttemptError, retryAt: Date?)
    /// The job stopped because it was cancelled.
    case cancelled
}

extension AppDatabase {
    /// Records how attempts ended, many in one transaction (workers batch their completions).
    ///
    /// Each update applies only while `owner` still holds the job's lease, so a worker that lost its lease (the job
    /// was rescued and maybe claimed again) cannot overwrite the newer attempt. Returns the ids that applied.
    @discardableResult
    public func finishAttempts(_ outcomes: [(jobID: Int64, outcome: JobAttemptOutcome)], owner: String, now: Date)
        async throws -> Set<Int64>
    {
        guard !outcomes.isEmpty else { return [] }
        return try await writer.write { db in
            var applied: Set<Int64> = []
            for (jobID, outcome) in outcomes {
                if try Self.finish(jobID, outcome, owner: owner, now: now, db) { applied.insert(jobID) }
            }
            return applied
        }
    }

    private static func finish(
        _ jobID: Int64, _ outcome: JobAttemptOutcome, owner: String, now: Date, _ db: Database
    ) throws -> Bool {
        let ours = "WHERE id = ? AND state = 'running' AND leaseOwner = ?"
        let release = "leaseOwner = NULL, leaseExpiresAt = NULL, isCancelRequested = 0"
        switch outcome {
        case .completed(let result):
            try db.cachedStatement(sql: "UPDATE job SET state = 'completed', result = ?, finishedAt = ?, \(release) \(ours)")
                .execute(arguments: [result, now, jobID, owner])
        case .cancelled:
            try db.cachedStatement(sql: "UPDATE job SET state = 'cancelled', finishedAt = ?, \(release) \(ours)")
                .execute(arguments: [now, jobID, owner])
        case .failed(let error, let retryAt):
            guard
                var errors = try [JobAttemptError].fetchErrors(
                    db, sql: "SELECT errors FROM job \(ours)", arguments: [jobID, owner])
            else { return false }
            errors.append(error)
            let state: JobState = retryAt == nil ? .discarded : .retryable
            try db.cachedStatement(
                sql: "UPDATE job SET state = ?, runAt = ?, finishedAt = ?, errors = ?, \(release) \(ours)"
            ).execute(arguments: [
                state.rawValue, retryAt ?? now, retryAt == nil ? now : nil, try JobRecord.encodeErrors(errors), jobID,
                owner,
            ])
        }
        return db.changesCount == 1
    }
}

extension Array where Element == JobAttemptError {
    /// Reads a job's `errors` column, or nil when the row does not match.
    fileprivate static func fetchErrors(_ db: Database, sql: String, arguments: StatementArguments) throws -> Self? {
        guard let text = try String.fetchOne(db, sql: sql, arguments: arguments) else { return nil }
        return try JobRecord.databaseJSONDecoder(for: "errors").decode(Self.self, from: Data(text.utf8))
    }
}
