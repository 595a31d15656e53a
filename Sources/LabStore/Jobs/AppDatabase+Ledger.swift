public import Foundation
import GRDB

extension AppDatabase {
    /// Records a resource a job created, so a rerun of provisioning skips it and cleanup can remove it.
    @discardableResult
    public func recordLedgerEntry(
        learnerID: Int64, labID: String, kind: String, name: String, identifier: String, jobID: Int64?, at date: Date
    ) async throws -> LedgerEntry {
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO ledgerEntry (learnerId, labId, kind, name, identifier, jobId, createdAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [learnerID, labID, kind, name, identifier, jobID, date])
            return LedgerEntry(
                id: db.lastInsertedRowID, learnerID: learnerID, labID: labID, kind: kind, name: name,
                identifier: identifier, jobID: jobID, createdAt: date)
        }
    }

    /// Everything recorded for a learner in a lab, removed entries included, oldest first.
    public func ledger(learnerID: Int64, labID: String) async throws -> [LedgerEntry] {
        try await writer.read { db in
            try LedgerEntry.fetchAll(
                db, sql: "SELECT * FROM ledgerEntry WHERE learnerId = ? AND labId = ? ORDER BY id",
                arguments: [learnerID, labID])
        }
    }

    /// Notes that cleanup removed a resource; the entry stays as history.
    public func markLedgerEntryRemoved(id: Int64, at date: Date) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE ledgerEntry SET removedAt = ? WHERE id = ? AND removedAt IS NULL", arguments: [date, id])
        }
    }
}
