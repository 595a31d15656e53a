/// The whole run at a glance, counting each request once by its final outcome.
///
/// `succeeded + failed + timedOut + rejectedByBreaker + rejectedByBulkhead == offered`.
public struct SimulationSummary: Codable, Sendable, Hashable {
    public var offered: Int
    public var succeeded: Int
    public var failed: Int
    public var timedOut: Int
    public var rejectedByBreaker: Int
    public var rejectedByBulkhead: Int
    /// Attempts that reached the inventory service, first tries and retries.
    public var downstreamCalls: Int
    /// Retries among `downstreamCalls`.
    public var downstreamRetries: Int
    /// `downstreamCalls / offered`: how much the resilience layers multiply (or cut) the load.
    public var amplification: Double
    public var callerLatencyP50Ms: Double?
    public var callerLatencyP99Ms: Double?
    public var downstreamLatencyP50Ms: Double?
    public var downstreamLatencyP99Ms: Double?
    /// Number of breaker state changes (the list is in the report's `transitions`).
    public var transitions: Int
    /// Attempts made in total, rejected ones included (the size of `calls`).
    public var calls: Int
    /// Calls per second inventory can serve at its median latency: `concurrency / latencyP50`.
    public var downstreamCapacityPerSecond: Double
    /// Simulated time until the last request finished, seconds (at least the duration).
    public var simulatedSeconds: Double

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(offered, forKey: .offered)
        try container.encode(succeeded, forKey: .succeeded)
        try container.encode(failed, forKey: .failed)
        try container.encode(timedOut, forKey: .timedOut)
        try container.encode(rejectedByBreaker, forKey: .rejectedByBreaker)
        try container.encode(rejectedByBulkhead, forKey: .rejectedByBulkhead)
        try container.encode(downstreamCalls, forKey: .downstreamCalls)
        try container.encode(downstreamRetries, forKey: .downstreamRetries)
        try container.encode(amplification, forKey: .amplification)
        try container.encode(callerLatencyP50Ms, forKey: .callerLatencyP50Ms)
        try container.encode(callerLatencyP99Ms, forKey: .callerLatencyP99Ms)
        try container.encode(downstreamLatencyP50Ms, forKey: .downstreamLatencyP50Ms)
        try container.encode(downstreamLatencyP99Ms, forKey: .downstreamLatencyP99Ms)
        try container.encode(transitions, forKey: .transitions)
        try container.encode(calls, forKey: .calls)
        try container.encode(downstreamCapacityPerSecond, forKey: .downstreamCapacityPerSecond)
        try container.encode(simulatedSeconds, forKey: .simulatedSeconds)
    }
}
