public import Foundation
public import GRDB

/// One durable job: what to run, for whom, where it stands, its lease, and what it produced.
public struct JobRecord: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    /// The registered kind's name, such as `verify` or `noop`.
    public var kind: String
    public var learnerID: Int64?
    public var labID: String?
    public var uniqueKey: String?
    public var state: JobState
    public var priority: Int
    /// Attempts started so far; the running attempt included.
    public var attempt: Int
    public var maxAttempts: Int
    /// When the job may next be claimed.
    public var runAt: Date
    /// The kind's arguments as JSON.
    public var arguments: String
    /// The kind's output as JSON, once completed.
    public var result: String?
    /// One entry per failed attempt, oldest first.
    public var errors: [JobAttemptError]
    public var progressCompleted: Int
    public var progressTotal: Int
    public var progressMessage: String?
    /// Set on a running job when someone cancels it; its worker notices at the next heartbeat.
    public var isCancelRequested: Bool
    /// Which worker holds the lease while running.
    public var leaseOwner: String?
    public var leaseExpiresAt: Date?
    public var createdAt: Date
    /// When the latest attempt started.
    public var startedAt: Date?
    public var finishedAt: Date?

    /// Every field, for tests that need a job in a given state without running the queue.
    public init(
        id: Int64, kind: String, learnerID: Int64?, labID: String?, uniqueKey: String?, state: JobState, priority: Int,
        attempt: Int, maxAttempts: Int, runAt: Date, arguments: String, result: String?, errors: [JobAttemptError],
        progressCompleted: Int, progressTotal: Int, progressMessage: String?, isCancelRequested: Bool, leaseOwner: String?,
        leaseExpiresAt: Date?, createdAt: Date, startedAt: Date?, finishedAt: Date?
    ) {
        self.id = id
        self.kind = kind
        self.learnerID = learnerID
        self.labID = labID
        self.uniqueKey = uniqueKey
        self.state = state
        self.priority = priority
        self.attempt = attempt
        self.maxAttempts = maxAttempts
        self.runAt = runAt
        self.arguments = arguments
        self.result = result
        self.errors = errors
        self.progressCompleted = progressCompleted
        self.progressTotal = progressTotal
        self.progressMessage = progressMessage
        self.isCancelRequested = isCancelRequested
        self.leaseOwner = leaseOwner
        self.leaseExpiresAt = leaseExpiresAt
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }
}

extension JobRecord: FetchableRecord, TableRecord {
    public static let databaseTableName = "job"

    enum CodingKeys: String, CodingKey {
        case id, kind
        case learnerID = "learnerId"
        case labID = "labId"
        case uniqueKey, state, priority, attempt, maxAttempts, runAt, arguments, result, errors
        case progressCompleted, progressTotal, progressMessage, isCancelRequested
        case leaseOwner, leaseExpiresAt, createdAt, startedAt, finishedAt
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let kind = Column(CodingKeys.kind)
        public static let learnerID = Column(CodingKeys.learnerID)
        public static let state = Column(CodingKeys.state)
    }

    /// The `errors` column as stored: JSON with dates in milliseconds, the way GRDB's decoder reads it back.
    static func encodeErrors(_ errors: [JobAttemptError]) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(errors), as: UTF8.self)
    }
}
