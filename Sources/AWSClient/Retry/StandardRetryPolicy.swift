/// AWS "standard" retry mode: attempts in total, full-jitter backoff `random(0,1) · min(2^(attempt-1) s, 20 s)`, and a
/// shared retry quota. The randomness is passed in so that tests can pin it.
public struct StandardRetryPolicy: Sendable {
    /// Attempts in total, counting the first call.
    public var maxAttempts: Int
    public var maxBackoff: Duration

    public init(maxAttempts: Int = 3, maxBackoff: Duration = .seconds(20)) {
        self.maxAttempts = max(1, maxAttempts)
        self.maxBackoff = maxBackoff
    }

    /// The pause before the next attempt, after `attempt` attempts have failed (1 after the first call).
    /// - Parameter random: a value in `0..<1`.
    public func delay(afterAttempt attempt: Int, random: Double) -> Duration {
        let exponent = min(max(attempt - 1, 0), 30)
        let ceiling = min(Duration.seconds(1 << exponent), maxBackoff)
        return ceiling * max(0, min(random, 1))
    }

    /// Whether another attempt is allowed for this error (the quota is checked separately).
    public func shouldRetry(_ error: AWSError, afterAttempt attempt: Int) -> Bool {
        attempt < maxAttempts && error.isRetryable && error.kind != .circuitOpen
    }
}
