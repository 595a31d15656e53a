public import Foundation
import GRDB

/// Which jobs a listing shows; every field narrows it.
public struct JobFilter: Sendable, Equatable {
    public var state: JobState?
    public var learnerID: Int64?
    public var kind: String?
    public var limit: Int

    public init(state: JobState? = nil, learnerID: Int64? = nil, kind: String? = nil, limit: Int = 100) {
        self.state = state
        self.learnerID = learnerID
        self.kind = kind
        self.limit = limit
    }
}

extension AppDatabase {
    public func job(id: Int64) async throws -> JobRecord? {
        try await writer.read { db in try JobRecord.fetchOne(db, key: id) }
    }

    /// Jobs matching `filter`, newest first.
    public func jobs(_ filter: JobFilter = JobFilter()) async throws -> [JobRecord] {
        try await writer.read { db in
            var request = JobRecord.all()
            if let state = filter.state { request = request.filter(JobRecord.Columns.state == state.rawValue) }
            if let learnerID = filter.learnerID { request = request.filter(JobRecord.Columns.learnerID == learnerID) }
            if let kind = filter.kind { request = request.filter(JobRecord.Columns.kind == kind) }
            return try request.order(JobRecord.Columns.id.desc).limit(max(0, filter.limit)).fetchAll(db)
        }
    }

    /// How many jobs are in each state, for the metrics; states with none are absent.
    public func jobCountsByState() async throws -> [JobState: Int] {
        try await writer.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS count FROM job GROUP BY state")
            var counts: [JobState: Int] = [:]
            for row in rows {
                if let state = JobState(rawValue: row["state"]) { counts[state] = row["count"] }
            }
            return counts
        }
    }

    /// Whether any job is queued or running; an index lookup per state, cheap enough to poll.
    public func hasActiveJobs() async throws -> Bool {
        try await writer.read { db in
            try Bool.fetchOne(
                db,
                sql:
                    "SELECT EXISTS (SELECT 1 FROM job WHERE state IN (\(JobState.sqlList(JobState.allCases.filter(\.isActive)))))"
            ) ?? false
        }
    }

    /// Appends a line to a job's log; the entry's id orders it after every earlier line of any job.
    @discardableResult
    public func appendJobLog(_ entry: JobLogEntry) async throws -> JobLogEntry {
        let fields = String(decoding: try JSONEncoder.sortedKeys.encode(entry.fields), as: UTF8.self)
        return try await writer.write { db in
            try db.cachedStatement(sql: "INSERT INTO jobLog (jobId, at, level, message, fields) VALUES (?, ?, ?, ?, ?)")
                .execute(arguments: [entry.jobID, entry.at, entry.level.rawValue, entry.message, fields])
            var stored = entry
            stored.id = db.lastInsertedRowID
            return stored
        }
    }

    /// A job's log lines after `id` (all of them when nil), oldest first: what an SSE client resuming from
    /// `Last-Event-ID` has not seen.
    public func jobLog(jobID: Int64, after id: Int64? = nil, limit: Int = 1000) async throws -> [JobLogEntry] {
        try await writer.read { db in
            try JobLogEntry.filter(JobLogEntry.Columns.jobID == jobID && JobLogEntry.Columns.id > (id ?? 0))
                .order(JobLogEntry.Columns.id).limit(limit).fetchAll(db)
        }
    }

    /// Records how far a running job has come (`completed` of `total`, with a short message).
    public func updateJobProgress(jobID: Int64, completed: Int, total: Int, message: String?) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE job SET progressCompleted = ?, progressTotal = ?, progressMessage = ? WHERE id = ?",
                arguments: [completed, total, message, jobID])
        }
    }
}

extension JSONEncoder {
    static var sortedKeys: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }
}
