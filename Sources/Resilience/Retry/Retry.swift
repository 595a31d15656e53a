import Synchronization

/// Retries real async calls with a ``RetryPolicy``, a shared ``RetryBudget`` and an injected clock and
/// random number generator.
///
/// Never retries a ``CircuitBreakerOpenError`` or ``BulkheadFullError``, nor cancellation; other errors are
/// retried when `isRetryable` says so (a ``TimeoutError`` costs the budget's timeout price).
public final class Retry<C: Clock>: Sendable where C.Duration == Duration {
    public let policy: RetryPolicy
    private let clock: C
    private let isRetryable: @Sendable (any Error) -> Bool
    private let shared: Mutex<Shared>

    private struct Shared {
        var budget: RetryBudget?
        var generator: any RandomNumberGenerator & Sendable
    }

    public init(
        policy: RetryPolicy, budget: RetryBudget? = nil, clock: C,
        generator: any RandomNumberGenerator & Sendable = SystemRandomNumberGenerator(),
        isRetryable: @escaping @Sendable (any Error) -> Bool = { _ in true }
    ) {
        self.policy = policy
        self.clock = clock
        self.isRetryable = isRetryable
        self.shared = Mutex(Shared(budget: budget, generator: generator))
    }

    /// Tokens left in the retry budget, `nil` without a budget.
    public var budgetTokens: Int? { shared.withLock { $0.budget?.tokens } }

    /// Runs `operation` (given the attempt number, 1 for the first call) until it succeeds or may not retry.
    public func execute<T>(_ operation: (_ attempt: Int) async throws -> T) async throws -> T {
        var retryState = RetryState()
        while true {
            do {
                let value = try await operation(retryState.attempt)
                let refund = retryState.lastRetryCost
                shared.withLock { $0.budget?.recordSuccess(refunding: refund) }
                return value
            } catch {
                let failure = classify(error)
                let decision = shared.withLock { shared in
                    retryState.next(after: failure, policy: policy, budget: &shared.budget, using: &shared.generator)
                }
                guard case .retry(let delay) = decision else { throw error }
                if delay > .zero { try await clock.sleep(for: delay) }
            }
        }
    }

    private func classify(_ error: any Error) -> AttemptFailure {
        switch error {
        case is CircuitBreakerOpenError: .rejectedByCircuitBreaker
        case is BulkheadFullError: .rejectedByBulkhead
        case is CancellationError: .notRetryable
        case is TimeoutError: isRetryable(error) ? .timeout : .notRetryable
        default: isRetryable(error) ? .retryable : .notRetryable
        }
    }
}
