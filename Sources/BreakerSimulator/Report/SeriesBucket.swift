/// One second of the run, for the simulator's plots. `series[i]` covers `[i, i + 1)` seconds; the series runs
/// until the last request finishes, so it can be a few seconds longer than the duration.
///
/// Each field is counted at the moment it happens:
/// - `offered`: requests arriving in this second.
/// - `succeeded`, `failed`, `timedOut`, `rejectedByBreaker`, `rejectedByBulkhead`: requests that reached their
///   final outcome in this second (so they add up to `offered` over the whole series, not per second).
/// - `downstreamFirstTries`, `downstreamRetries`: attempts sent to inventory in this second, split into first
///   attempts and retries (compare with `summary.downstreamCapacityPerSecond`).
/// - `failureRate`, `slowCallRate`: the breaker's rates in percent (0–100) at the end of the second, over its
///   window (over the probes while half-open); `belowMinimumCalls` is true while the window holds fewer calls
///   than the breaker needs to trip (shade the rate there).
/// - `callerLatencyP50Ms`, `callerLatencyP99Ms`: latency of the requests that finished in this second, from
///   arrival to final outcome, retries and backoff included; `null` when none finished.
/// - `downstreamLatencyP50Ms`, `downstreamLatencyP99Ms`: inventory's latency (queueing plus service) for the
///   attempts sent in this second; `null` when none were sent.
/// - `bulkheadInUse`: the most attempts in flight from order to inventory at once during the second (the
///   bulkhead's occupancy; with the bulkhead off, the concurrency it would have seen). `bulkheadWaiting`: the
///   most attempts waiting for a slot.
/// - `downstreamQueueDepth`: the longest queue inventory had during the second.
/// - `retryTokens`: tokens left in the retry budget at the end of the second; `null` without a budget.
/// - `breakerState`: the breaker's state at the end of the second.
public struct SeriesBucket: Codable, Sendable, Hashable {
    public var t: Int
    public var offered = 0
    public var succeeded = 0
    public var failed = 0
    public var timedOut = 0
    public var rejectedByBreaker = 0
    public var rejectedByBulkhead = 0
    public var downstreamFirstTries = 0
    public var downstreamRetries = 0
    public var failureRate = 0.0
    public var slowCallRate = 0.0
    public var belowMinimumCalls = true
    public var callerLatencyP50Ms: Double?
    public var callerLatencyP99Ms: Double?
    public var downstreamLatencyP50Ms: Double?
    public var downstreamLatencyP99Ms: Double?
    public var bulkheadInUse = 0
    public var bulkheadWaiting = 0
    public var downstreamQueueDepth = 0
    public var retryTokens: Int?
    public var breakerState = "closed"

    init(t: Int) {
        self.t = t
    }

    mutating func count(_ outcome: CallOutcome) {
        switch outcome {
        case .succeeded: succeeded += 1
        case .failed: failed += 1
        case .timedOut: timedOut += 1
        case .rejectedByBreaker: rejectedByBreaker += 1
        case .rejectedByBulkhead: rejectedByBulkhead += 1
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(t, forKey: .t)
        try container.encode(offered, forKey: .offered)
        try container.encode(succeeded, forKey: .succeeded)
        try container.encode(failed, forKey: .failed)
        try container.encode(timedOut, forKey: .timedOut)
        try container.encode(rejectedByBreaker, forKey: .rejectedByBreaker)
        try container.encode(rejectedByBulkhead, forKey: .rejectedByBulkhead)
        try container.encode(downstreamFirstTries, forKey: .downstreamFirstTries)
        try container.encode(downstreamRetries, forKey: .downstreamRetries)
        try container.encode(failureRate, forKey: .failureRate)
        try container.encode(slowCallRate, forKey: .slowCallRate)
        try container.encode(belowMinimumCalls, forKey: .belowMinimumCalls)
        try container.encode(callerLatencyP50Ms, forKey: .callerLatencyP50Ms)
        try container.encode(callerLatencyP99Ms, forKey: .callerLatencyP99Ms)
        try container.encode(downstreamLatencyP50Ms, forKey: .downstreamLatencyP50Ms)
        try container.encode(downstreamLatencyP99Ms, forKey: .downstreamLatencyP99Ms)
        try container.encode(bulkheadInUse, forKey: .bulkheadInUse)
        try container.encode(bulkheadWaiting, forKey: .bulkheadWaiting)
        try container.encode(downstreamQueueDepth, forKey: .downstreamQueueDepth)
        try container.encode(retryTokens, forKey: .retryTokens)
        try container.encode(breakerState, forKey: .breakerState)
    }
}
