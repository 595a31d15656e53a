public import Foundation
public import GRDB

/// One line of a job's log; its `id` grows strictly across the database, so it doubles as the SSE event id.
public struct JobLogEntry: Sendable, Codable, Equatable, Identifiable {
    public enum Level: String, Sendable, Codable, CaseIterable {
        case debug
        case info
        case warning
        case error
    }

    public var id: Int64
    public var jobID: Int64
    public var at: Date
    public var level: Level
    public var message: String
    /// Structured details with dotted keys (`aws.operation`), shown beside the message.
    public var fields: [String: String]

    public init(id: Int64 = 0, jobID: Int64, at: Date, level: Level, message: String, fields: [String: String] = [:]) {
        self.id = id
        self.jobID = jobID
        self.at = at
        self.level = level
        self.message = message
        self.fields = fields
    }
}

extension JobLogEntry: FetchableRecord, TableRecord {
    public static let databaseTableName = "jobLog"

    enum CodingKeys: String, CodingKey {
        case id
        case jobID = "jobId"
        case at
        case level
        case message
        case fields
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let jobID = Column(CodingKeys.jobID)
    }
}
