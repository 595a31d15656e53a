/// How an attempt, or a whole request, ended; the names are the API's.
public enum CallOutcome: String, Codable, Sendable, Hashable, CaseIterable {
    case succeeded
    case failed
    case timedOut
    case rejectedByBreaker
    case rejectedByBulkhead
}

/// One breaker state change, `t` in seconds from the start of the run.
public struct TransitionRecord: Codable, Sendable, Hashable {
    public var t: Double
    public var from: String
    public var to: String
}

/// One attempt, for the outcome strip: `t` is when it started (seconds), `state` is the breaker's state when it
/// decided on the attempt, `latencyMs` how long the attempt took from the caller's side.
public struct CallRecord: Codable, Sendable, Hashable {
    public var t: Double
    public var request: Int
    public var attempt: Int
    public var outcome: CallOutcome
    public var state: String
    public var reachedDownstream: Bool
    public var latencyMs: Double
}
