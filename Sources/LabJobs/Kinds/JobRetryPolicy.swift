public import Resilience

/// How often a kind's job is tried and how long it waits between attempts.
///
/// Built on `Resilience`'s `Backoff`: exponential from `base`, capped, with full jitter by default, so a class's
/// worth of jobs failing together does not come back together.
public struct JobRetryPolicy: Sendable, Hashable {
    /// Attempts in total, the first one included.
    public var maxAttempts: Int
    public var backoff: Backoff

    public init(maxAttempts: Int, backoff: Backoff) {
        self.maxAttempts = max(1, maxAttempts)
        self.backoff = backoff
    }

    /// Five attempts, full jitter on `min(2^(n-1) · 2 s, 5 min)`: rides out throttling without hiding a real outage.
    public static let standard = JobRetryPolicy(
        maxAttempts: 5, backoff: Backoff(base: .seconds(2), cap: .seconds(300), jitter: .full))

    /// One attempt: for work whose retry is the learner clicking again.
    public static let once = JobRetryPolicy(maxAttempts: 1, backoff: .immediate)

    /// The wait after failed attempt number `attempt` (1 for the first).
    public func delay(afterAttempt attempt: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        backoff.delay(beforeRetry: max(1, attempt), previousDelay: .zero, using: &generator)
    }
}
