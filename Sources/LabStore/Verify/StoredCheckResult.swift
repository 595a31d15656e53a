public import Foundation
public import GRDB

/// One check's result within a Verify attempt, as stored: the message fields as text, the facts and the AWS calls
/// as JSON. LabStore keeps the shape opaque so that it needs nothing of LabChecks.
public struct StoredCheckResult: Sendable, Equatable {
    public var attemptID: Int64
    public var checkIndex: Int
    /// The check's name (`sqs.queue`).
    public var check: String
    /// `passed`, `failed`, `unsupported` or `error`.
    public var status: String
    public var summary: String
    public var expected: String?
    public var observed: String?
    public var hint: String?
    /// A JSON object of the fields that decided the result.
    public var facts: String
    /// A JSON array of the AWS calls made.
    public var calls: String
    public var durationMs: Int
    public var retryAfterSeconds: Int?
    public var finishedAt: Date

    public init(
        attemptID: Int64, checkIndex: Int, check: String, status: String, summary: String, expected: String?,
        observed: String?, hint: String?, facts: String, calls: String, durationMs: Int, retryAfterSeconds: Int?,
        finishedAt: Date
    ) {
        self.attemptID = attemptID
        self.checkIndex = checkIndex
        self.check = check
        self.status = status
        self.summary = summary
        self.expected = expected
        self.observed = observed
        self.hint = hint
        self.facts = facts
        self.calls = calls
        self.durationMs = durationMs
        self.retryAfterSeconds = retryAfterSeconds
        self.finishedAt = finishedAt
    }
}

extension StoredCheckResult: Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "checkResult"

    enum CodingKeys: String, CodingKey {
        case checkIndex, check, status, summary, expected, observed, hint, facts, calls, durationMs, retryAfterSeconds
        case finishedAt
        case attemptID = "attemptId"
    }

    public enum Columns {
        public static let attemptID = Column(CodingKeys.attemptID)
        public static let checkIndex = Column(CodingKeys.checkIndex)
        public static let status = Column(CodingKeys.status)
    }
}
