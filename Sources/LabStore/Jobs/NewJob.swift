public import Foundation

/// What a caller asks to run: the store gives it an id, a state and its timestamps.
public struct NewJob: Sendable, Equatable {
    public var kind: String
    public var learnerID: Int64?
    public var labID: String?
    /// Such as `verify:<learner>:<step>`: while a job with this key is active, enqueueing it again returns that job.
    public var uniqueKey: String?
    /// Lower runs first; 0 by default.
    public var priority: Int
    public var maxAttempts: Int
    /// Nil means now; a later date makes the job `scheduled`.
    public var runAt: Date?
    /// The kind's arguments as JSON.
    public var arguments: String

    public init(
        kind: String, learnerID: Int64? = nil, labID: String? = nil, uniqueKey: String? = nil, priority: Int = 0,
        maxAttempts: Int = 1, runAt: Date? = nil, arguments: String = "{}"
    ) {
        self.kind = kind
        self.learnerID = learnerID
        self.labID = labID
        self.uniqueKey = uniqueKey
        self.priority = priority
        self.maxAttempts = max(1, maxAttempts)
        self.runAt = runAt
        self.arguments = arguments
    }
}
