public import Foundation
import GRDB

extension AppDatabase {
    /// Claims up to `limit` ready jobs for `owner`: the one place where workers compete for work.
    ///
    /// One `BEGIN IMMEDIATE` transaction takes SQLite's write lock before reading, so two processes never claim the
    /// same row. Ready rows come in (priority, runAt, id) order; a job whose learner already has a running job of
    /// the same kind is skipped, and so is a second one of the same pair within this batch. PostgreSQL will run the
    /// same selection with `FOR UPDATE SKIP LOCKED`. With `jobID` only that job is considered (the CLI's `run`).
    public func claimJobs(owner: String, limit: Int, now: Date, leaseExpiresAt: Date, jobID: Int64? = nil)
        async throws -> [JobRecord]
    {
        guard limit > 0 else { return [] }
        return try await writer.writeWithoutTransaction { db in
            var claimed: [JobRecord] = []
            try db.inTransaction(.immediate) {
                claimed = try Self.selectClaimable(limit: limit, now: now, jobID: jobID, db)
                guard !claimed.isEmpty else { return .commit }
                let update = try db.cachedStatement(
                    sql: """
                        UPDATE job SET state = 'running', attempt = attempt + 1, leaseOwner = ?, leaseExpiresAt = ?,
                            startedAt = ?, isCancelRequested = 0
                        WHERE id = ?
                        """)
                for index in claimed.indices {
                    try update.execute(arguments: [owner, leaseExpiresAt, now, claimed[index].id])
                    claimed[index].state = .running
                    claimed[index].attempt += 1
                    claimed[index].leaseOwner = owner
                    claimed[index].leaseExpiresAt = leaseExpiresAt
                    claimed[index].startedAt = now
                    claimed[index].isCancelRequested = false
                }
                return .commit
            }
            return claimed
        }
    }

    /// Ready rows in claim order, at most one per (learner, kind) and none whose pair is already running.
    private static func selectClaimable(limit: Int, now: Date, jobID: Int64?, _ db: Database) throws -> [JobRecord] {
        var chosen: [JobRecord] = []
        var busyPairs: Set<String> = []
        var after: (priority: Int, runAt: Date, id: Int64)?
        // Rows skipped for a pair taken earlier in this batch are made up for by reading on; a few rounds suffice.
        // `INDEXED BY` keeps SQLite on the claim-order index: the state index would fetch every ready row and sort.
        for _ in 0..<8 where chosen.count < limit {
            var sql = """
                SELECT * FROM job INDEXED BY job_ready
                WHERE state IN (\(JobState.sqlList(JobState.claimable))) AND runAt <= ?
                  AND (learnerId IS NULL OR NOT EXISTS (
                      SELECT 1 FROM job AS other
                      WHERE other.state = 'running' AND other.learnerId = job.learnerId AND other.kind = job.kind))
                """
            var arguments: StatementArguments = [now]
            if let jobID {
                sql += " AND id = ?"
                arguments += [jobID]
            }
            if let after {
                sql += " AND (priority, runAt, id) > (?, ?, ?)"
                arguments += [after.priority, after.runAt, after.id]
            }
            sql += " ORDER BY priority, runAt, id LIMIT ?"
            let batchSize = limit - chosen.count
            arguments += [batchSize]
            let rows = try JobRecord.fetchAll(db.cachedStatement(sql: sql), arguments: arguments)
            for row in rows where chosen.count < limit {
                if let learnerID = row.learnerID {
                    guard busyPairs.insert("\(learnerID)\u{1F}\(row.kind)").inserted else { continue }
                }
                chosen.append(row)
            }
            guard rows.count == batchSize, let last = rows.last else { break }
            after = (last.priority, last.runAt, last.id)
        }
        return chosen
    }
}
