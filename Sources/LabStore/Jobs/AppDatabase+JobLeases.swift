public import Foundation
import GRDB

/// What a heartbeat learned about one lease.
public struct LeaseRenewal: Sendable, Equatable {
    /// False when the job is no longer running under this owner (rescued, finished, or claimed by another).
    public var isStillOwned: Bool
    /// True when someone asked to cancel the job while it ran.
    public var isCancelRequested: Bool

    public init(isStillOwned: Bool, isCancelRequested: Bool) {
        self.isStillOwned = isStillOwned
        self.isCancelRequested = isCancelRequested
    }
}

extension AppDatabase {
    /// Extends the leases `owner` holds on `jobIDs` in one transaction; a job missing from the answer is not ours.
    public func renewLeases(jobIDs: [Int64], owner: String, until expiry: Date) async throws -> [Int64: LeaseRenewal] {
        guard !jobIDs.isEmpty else { return [:] }
        return try await writer.write { db in
            let statement = try db.cachedStatement(
                sql: """
                    UPDATE job SET leaseExpiresAt = ? WHERE id = ? AND state = 'running' AND leaseOwner = ?
                    RETURNING isCancelRequested
                    """)
            var renewals: [Int64: LeaseRenewal] = [:]
            for id in jobIDs {
                let cancel = try Bool.fetchOne(statement, arguments: [expiry, id, owner])
                renewals[id] = LeaseRenewal(isStillOwned: cancel != nil, isCancelRequested: cancel ?? false)
            }
            return renewals
        }
    }

    /// Extends one lease; see `renewLeases(jobIDs:owner:until:)`.
    public func renewLease(jobID: Int64, owner: String, until expiry: Date) async throws -> LeaseRenewal {
        try await renewLeases(jobIDs: [jobID], owner: owner, until: expiry)[jobID]
            ?? LeaseRenewal(isStillOwned: false, isCancelRequested: false)
    }

    /// Running jobs whose lease ran out (their worker died or hung) become retryable at once, or discarded when
    /// that was their last attempt; each gets a "lease expired" error. Returns the rescued jobs as they are now.
    public func rescueExpiredLeases(now: Date) async throws -> [JobRecord] {
        try await writer.write { db in
            let expired = try JobRecord.fetchAll(
                db, sql: "SELECT * FROM job WHERE state = 'running' AND leaseExpiresAt < ?", arguments: [now])
            return try expired.map { job in
                var job = job
                job.errors.append(
                    JobAttemptError(
                        at: now, attempt: job.attempt,
                        message: "The worker \(job.leaseOwner ?? "unknown") stopped renewing its lease."))
                job.state = job.attempt >= job.maxAttempts ? .discarded : .retryable
                job.runAt = now
                job.finishedAt = job.state == .discarded ? now : nil
                job.leaseOwner = nil
                job.leaseExpiresAt = nil
                try db.execute(
                    sql: """
                        UPDATE job SET state = ?, runAt = ?, finishedAt = ?, errors = ?, leaseOwner = NULL,
                            leaseExpiresAt = NULL
                        WHERE id = ?
                        """,
                    arguments: [job.state.rawValue, now, job.finishedAt, try JobRecord.encodeErrors(job.errors), job.id])
                return job
            }
        }
    }

    /// Gives leases back at shutdown: the jobs are claimable again at once and the interrupted attempt is not counted.
    public func releaseLeases(jobIDs: [Int64], owner: String, now: Date) async throws {
        guard !jobIDs.isEmpty else { return }
        try await writer.write { db in
            let statement = try db.cachedStatement(
                sql: """
                    UPDATE job SET state = 'available', attempt = max(attempt - 1, 0), runAt = ?, leaseOwner = NULL,
                        leaseExpiresAt = NULL
                    WHERE id = ? AND state = 'running' AND leaseOwner = ?
                    """)
            for id in jobIDs {
                try statement.execute(arguments: [now, id, owner])
            }
        }
    }
}
