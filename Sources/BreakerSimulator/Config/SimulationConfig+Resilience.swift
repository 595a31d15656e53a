/// The order service's time limit per attempt (it covers the bulkhead wait and the call).
public struct TimeoutConfig: Codable, Sendable, Hashable {
    public var enabled: Bool
    public var durationMs: Double

    public init(enabled: Bool = true, durationMs: Double = 1000) {
        self.enabled = enabled
        self.durationMs = durationMs
    }
}

/// Retries of failed and timed-out attempts; breaker and bulkhead rejections are never retried.
public struct RetryConfig: Codable, Sendable, Hashable {
    public var enabled: Bool
    /// Attempts in total, the first included.
    public var maxAttempts: Int
    /// `none`, `full`, `equal` or `decorrelated` (see ``Backoff``).
    public var jitter: String
    public var baseDelayMs: Double
    public var maxDelayMs: Double
    /// A token bucket shared by all requests (AWS retry quota style).
    public var budgetEnabled: Bool
    public var budgetCapacity: Int
    public var retryCost: Int
    public var timeoutRetryCost: Int
    public var successRefund: Int

    public init(
        enabled: Bool = true, maxAttempts: Int = 3, jitter: String = "full", baseDelayMs: Double = 50,
        maxDelayMs: Double = 1000, budgetEnabled: Bool = false, budgetCapacity: Int = 500, retryCost: Int = 5,
        timeoutRetryCost: Int = 10, successRefund: Int = 1
    ) {
        self.enabled = enabled
        self.maxAttempts = maxAttempts
        self.jitter = jitter
        self.baseDelayMs = baseDelayMs
        self.maxDelayMs = maxDelayMs
        self.budgetEnabled = budgetEnabled
        self.budgetCapacity = budgetCapacity
        self.retryCost = retryCost
        self.timeoutRetryCost = timeoutRetryCost
        self.successRefund = successRefund
    }
}

/// Concurrent calls from the order service to the inventory service.
public struct BulkheadConfig: Codable, Sendable, Hashable {
    public var enabled: Bool
    public var maxConcurrentCalls: Int
    /// How long a call may wait for a slot; 0 rejects at once.
    public var maxWaitMs: Double

    public init(enabled: Bool = true, maxConcurrentCalls: Int = 50, maxWaitMs: Double = 0) {
        self.enabled = enabled
        self.maxConcurrentCalls = maxConcurrentCalls
        self.maxWaitMs = maxWaitMs
    }
}

/// The circuit breaker, with the key names issue 4 fixes.
public struct BreakerConfig: Codable, Sendable, Hashable {
    public var enabled: Bool
    public var failureRateThreshold: Double
    public var slowCallRateThreshold: Double
    public var slowCallDurationMs: Double
    public var minimumNumberOfCalls: Int
    /// `countBased` (size in calls) or `timeBased` (size in seconds).
    public var slidingWindowType: String
    public var slidingWindowSize: Int
    public var waitDurationInOpenMs: Double
    public var permittedCallsInHalfOpen: Int

    public init(
        enabled: Bool = true, failureRateThreshold: Double = 50, slowCallRateThreshold: Double = 100,
        slowCallDurationMs: Double = 1000, minimumNumberOfCalls: Int = 20, slidingWindowType: String = "countBased",
        slidingWindowSize: Int = 50, waitDurationInOpenMs: Double = 5000, permittedCallsInHalfOpen: Int = 5
    ) {
        self.enabled = enabled
        self.failureRateThreshold = failureRateThreshold
        self.slowCallRateThreshold = slowCallRateThreshold
        self.slowCallDurationMs = slowCallDurationMs
        self.minimumNumberOfCalls = minimumNumberOfCalls
        self.slidingWindowType = slidingWindowType
        self.slidingWindowSize = slidingWindowSize
        self.waitDurationInOpenMs = waitDurationInOpenMs
        self.permittedCallsInHalfOpen = permittedCallsInHalfOpen
    }
}
