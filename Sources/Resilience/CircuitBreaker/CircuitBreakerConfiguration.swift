/// The tuning of a circuit breaker, with resilience4j's names and defaults.
///
/// Rates are percentages from 0 to 100. A breaker trips when a rate is **at or above** its threshold and the
/// window holds at least the minimum number of calls; a call is slow when it takes **longer than**
/// `slowCallDurationThreshold`.
public struct CircuitBreakerConfiguration: Sendable, Hashable {
    /// How the breaker forgets old outcomes.
    public enum SlidingWindow: Sendable, Hashable {
        /// The last `size` calls.
        case countBased(size: Int)
        /// The calls of the last `seconds` seconds, aged out one second at a time.
        case timeBased(seconds: Int)
    }

    /// What a half-open breaker does when its probes have not decided within `maxWaitDurationInHalfOpenState`.
    public enum HalfOpenTimeoutResolution: Sendable, Hashable {
        case open
        case closed
    }

    public var failureRateThreshold: Double
    public var slowCallRateThreshold: Double
    public var slowCallDurationThreshold: Duration
    public var minimumNumberOfCalls: Int
    public var slidingWindow: SlidingWindow
    /// How long the breaker stays open before it admits probes.
    public var waitDurationInOpenState: Duration
    /// Growth of the open wait across consecutive re-opens (1 keeps it constant); reset when the breaker closes.
    public var openWaitMultiplier: Double
    /// The longest open wait the multiplier may reach; `nil` lets it grow without a cap.
    public var maximumWaitDurationInOpenState: Duration?
    /// Exactly this many probes are admitted while half-open; the decision is taken when they have all reported.
    public var permittedNumberOfCallsInHalfOpenState: Int
    /// How long probes may take to decide; `nil` waits forever.
    public var maxWaitDurationInHalfOpenState: Duration?
    /// Where the breaker goes when the half-open wait runs out.
    public var halfOpenTimeoutResolution: HalfOpenTimeoutResolution

    public init(
        failureRateThreshold: Double = 50,
        slowCallRateThreshold: Double = 100,
        slowCallDurationThreshold: Duration = .seconds(60),
        minimumNumberOfCalls: Int = 100,
        slidingWindow: SlidingWindow = .countBased(size: 100),
        waitDurationInOpenState: Duration = .seconds(60),
        openWaitMultiplier: Double = 1,
        maximumWaitDurationInOpenState: Duration? = nil,
        permittedNumberOfCallsInHalfOpenState: Int = 10,
        maxWaitDurationInHalfOpenState: Duration? = nil,
        halfOpenTimeoutResolution: HalfOpenTimeoutResolution = .open
    ) {
        self.failureRateThreshold = failureRateThreshold
        self.slowCallRateThreshold = slowCallRateThreshold
        self.slowCallDurationThreshold = slowCallDurationThreshold
        self.minimumNumberOfCalls = max(1, minimumNumberOfCalls)
        self.slidingWindow = slidingWindow
        self.waitDurationInOpenState = waitDurationInOpenState
        self.openWaitMultiplier = max(1, openWaitMultiplier)
        self.maximumWaitDurationInOpenState = maximumWaitDurationInOpenState
        self.permittedNumberOfCallsInHalfOpenState = max(1, permittedNumberOfCallsInHalfOpenState)
        self.maxWaitDurationInHalfOpenState = maxWaitDurationInHalfOpenState
        self.halfOpenTimeoutResolution = halfOpenTimeoutResolution
    }

    /// The calls a window must hold before it may trip: a count window can never hold more than its size.
    var effectiveMinimumNumberOfCalls: Int {
        switch slidingWindow {
        case .countBased(let size): min(minimumNumberOfCalls, max(1, size))
        case .timeBased: minimumNumberOfCalls
        }
    }

    /// The open wait after `consecutiveOpens` opens in a row (1 for the first).
    func waitDurationInOpenState(afterConsecutiveOpens consecutiveOpens: Int) -> Duration {
        guard openWaitMultiplier > 1, consecutiveOpens > 1 else { return waitDurationInOpenState }
        var wait = waitDurationInOpenState
        for _ in 1..<consecutiveOpens {
            wait = wait * openWaitMultiplier
            if let maximum = maximumWaitDurationInOpenState, wait >= maximum { return maximum }
        }
        return wait
    }
}
