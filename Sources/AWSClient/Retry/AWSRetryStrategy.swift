public import Resilience

/// AWS "standard" retry mode built from the `Resilience` retry: attempts in total (3 by default, `AWS_MAX_ATTEMPTS`),
/// full jitter on `min(2^(attempt-1) s, 20 s)`, and the shared retry quota (500 tokens, 5 per retry, 10 after a
/// timeout, refunded by successes). Circuit-breaker rejections are never retried.
public enum AWSRetryStrategy {
    /// The backoff of the standard mode.
    public static let standardBackoff = Backoff(base: .seconds(1), cap: .seconds(20), jitter: .full)

    /// Attempts in total for a retry mode when no `max_attempts` is set (legacy mode used 5).
    public static func defaultMaxAttempts(for mode: AWSConfiguration.RetryMode) -> Int {
        mode == .legacy ? 5 : 3
    }

    /// A retry with its own quota; share one per client so that the quota is shared by every call.
    public static func makeRetry(
        maxAttempts: Int, clock: AnyDurationClock,
        generator: any RandomNumberGenerator & Sendable = SystemRandomNumberGenerator()
    ) -> Retry<AnyDurationClock> {
        Retry(
            policy: RetryPolicy(maxAttempts: maxAttempts, backoff: standardBackoff),
            budget: RetryBudget.awsStandard,
            clock: clock,
            generator: generator,
            isRetryable: isRetryable)
    }

    /// Transient answers (500/502/503/504, `RequestTimeout`, `PriorRequestNotComplete`), throttling codes,
    /// connection errors and timeouts.
    @Sendable public static func isRetryable(_ error: any Error) -> Bool {
        switch error {
        case is TimeoutError: true
        case let error as AWSError: error.isRetryable && error.kind != .circuitOpen
        default: false
        }
    }
}
