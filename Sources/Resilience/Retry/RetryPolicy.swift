/// When and how often a failed call is tried again.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in total, the first call included (1 never retries).
    public var maxAttempts: Int
    public var backoff: Backoff

    public init(maxAttempts: Int, backoff: Backoff) {
        self.maxAttempts = max(1, maxAttempts)
        self.backoff = backoff
    }

    /// The AWS SDK standard mode: 3 attempts, full jitter on `min(2^(n-1) s, 20 s)`.
    public static let awsStandard = RetryPolicy(
        maxAttempts: 3, backoff: Backoff(base: .seconds(1), cap: .seconds(20), jitter: .full))
}

/// How one attempt ended, as far as retrying is concerned.
public enum AttemptFailure: Sendable, Hashable {
    /// A retryable error.
    case retryable
    /// A retryable timeout (costs more retry tokens).
    case timeout
    /// An error the retryable predicate refused.
    case notRetryable
    /// A circuit breaker refused the call: never retried, the breaker already said when to come back.
    case rejectedByCircuitBreaker
    /// A bulkhead refused the call: retrying local overload only adds to it.
    case rejectedByBulkhead
}

/// What to do after a failed attempt.
public enum RetryDecision: Sendable, Hashable {
    case retry(after: Duration)
    case giveUp(RetryGiveUpReason)
}

/// Why a call was not retried.
public enum RetryGiveUpReason: Sendable, Hashable {
    case notRetryable
    case attemptsExhausted
    case budgetExhausted
}

/// The retry state of one logical call across its attempts; drive it after each failed attempt.
public struct RetryState: Sendable, Hashable {
    /// The attempt that just ran (1 for the first call).
    public private(set) var attempt = 1
    public private(set) var previousDelay: Duration = .zero
    /// What the latest retry cost, to refund when the call finally succeeds.
    public private(set) var lastRetryCost: Int?

    public init() {}

    /// Decides whether to try again after `failure`, paying for the retry from `budget` if there is one.
    public mutating func next(
        after failure: AttemptFailure, policy: RetryPolicy, budget: inout RetryBudget?,
        using generator: inout some RandomNumberGenerator
    ) -> RetryDecision {
        switch failure {
        case .notRetryable, .rejectedByCircuitBreaker, .rejectedByBulkhead:
            return .giveUp(.notRetryable)
        case .retryable, .timeout:
            break
        }
        guard attempt < policy.maxAttempts else { return .giveUp(.attemptsExhausted) }
        if budget != nil {
            guard let cost = budget?.withdraw(afterTimeout: failure == .timeout) else {
                return .giveUp(.budgetExhausted)
            }
            lastRetryCost = cost
        }
        let delay = policy.backoff.delay(beforeRetry: attempt, previousDelay: previousDelay, using: &generator)
        previousDelay = delay
        attempt += 1
        return .retry(after: delay)
    }
}
