import Resilience

extension BreakerConfig {
    /// The `Resilience` configuration these settings stand for.
    func makeConfiguration() -> CircuitBreakerConfiguration {
        CircuitBreakerConfiguration(
            failureRateThreshold: failureRateThreshold,
            slowCallRateThreshold: slowCallRateThreshold,
            slowCallDurationThreshold: .milliseconds(slowCallDurationMs),
            minimumNumberOfCalls: minimumNumberOfCalls,
            slidingWindow: slidingWindowType == "timeBased"
                ? .timeBased(seconds: slidingWindowSize) : .countBased(size: slidingWindowSize),
            waitDurationInOpenState: .milliseconds(waitDurationInOpenMs),
            permittedNumberOfCallsInHalfOpenState: permittedCallsInHalfOpen)
    }
}

extension RetryConfig {
    func makePolicy() -> RetryPolicy {
        RetryPolicy(
            maxAttempts: maxAttempts,
            backoff: Backoff(
                base: .milliseconds(baseDelayMs), cap: .milliseconds(maxDelayMs),
                jitter: Backoff.Jitter(rawValue: jitter) ?? .full))
    }

    func makeBudget() -> RetryBudget {
        RetryBudget(
            capacity: budgetCapacity, retryCost: retryCost, timeoutRetryCost: timeoutRetryCost,
            successRefill: successRefund)
    }
}
