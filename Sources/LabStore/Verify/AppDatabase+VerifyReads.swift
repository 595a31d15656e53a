public import Foundation
import GRDB

extension AppDatabase {
    public func verifyAttempt(id: Int64) async throws -> VerifyAttempt? {
        try await writer.read { db in try VerifyAttempt.fetchOne(db, key: id) }
    }

    /// A learner's attempts in a lab, newest first; one step's when `stepID` is given.
    public func verifyAttempts(learnerID: Int64, labID: String, stepID: String? = nil, limit: Int = 20) async throws
        -> [VerifyAttempt]
    {
        try await writer.read { db in
            var request = VerifyAttempt.filter(
                VerifyAttempt.Columns.learnerID == learnerID && VerifyAttempt.Columns.labID == labID)
            if let stepID { request = request.filter(VerifyAttempt.Columns.stepID == stepID) }
            return try request.order(VerifyAttempt.Columns.id.desc).limit(limit).fetchAll(db)
        }
    }

    /// The attempts one verify job runs, in the order of its steps.
    public func verifyAttempts(jobID: Int64) async throws -> [VerifyAttempt] {
        try await writer.read { db in
            try VerifyAttempt.filter(VerifyAttempt.Columns.jobID == jobID).order(VerifyAttempt.Columns.id).fetchAll(db)
        }
    }

    /// Every attempt in a lab, oldest first, for the instructor view.
    public func classVerifyAttempts(labID: String) async throws -> [VerifyAttempt] {
        try await writer.read { db in
            try VerifyAttempt.filter(VerifyAttempt.Columns.labID == labID).order(VerifyAttempt.Columns.id).fetchAll(db)
        }
    }

    /// The check results of the given attempts, by attempt, each in check order.
    public func checkResults(attemptIDs: [Int64]) async throws -> [Int64: [StoredCheckResult]] {
        guard !attemptIDs.isEmpty else { return [:] }
        return try await writer.read { db in
            let rows = try StoredCheckResult.filter(attemptIDs.contains(StoredCheckResult.Columns.attemptID))
                .order(StoredCheckResult.Columns.attemptID, StoredCheckResult.Columns.checkIndex).fetchAll(db)
            return Dictionary(grouping: rows, by: \.attemptID)
        }
    }

    /// Every failed check result in a lab with the attempt it belongs to, oldest first: what the instructor's
    /// "stuck" and "fails most often" read.
    public func failedCheckResults(labID: String) async throws -> [(attempt: VerifyAttempt, result: StoredCheckResult)] {
        try await writer.read { db in
            let attempts = try VerifyAttempt.filter(
                VerifyAttempt.Columns.labID == labID && VerifyAttempt.Columns.state == VerifyAttempt.State.failed.rawValue
            ).order(VerifyAttempt.Columns.id).fetchAll(db)
            let byID = Dictionary(uniqueKeysWithValues: attempts.map { ($0.id, $0) })
            let results = try StoredCheckResult.filter(byID.keys.contains(StoredCheckResult.Columns.attemptID))
                .filter(StoredCheckResult.Columns.status == "failed")
                .order(StoredCheckResult.Columns.attemptID, StoredCheckResult.Columns.checkIndex).fetchAll(db)
            return results.compactMap { result in byID[result.attemptID].map { ($0, result) } }
        }
    }
}
