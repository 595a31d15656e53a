/// The four layers composed in the recommended order: `retry(breaker(timeout(bulkhead(operation))))`.
///
/// Retry sits outside the breaker so a refused call is never retried and retries are counted by the
/// breaker one attempt at a time; the timeout covers the bulkhead wait; the bulkhead bounds concurrency
/// right next to the call. Any layer may be left out.
public struct ResiliencePipeline<C: Clock>: Sendable where C.Duration == Duration {
    public let retry: Retry<C>?
    public let circuitBreaker: CircuitBreaker<C>?
    public let timeout: Timeout<C>?
    public let bulkhead: Bulkhead<C>?

    public init(
        retry: Retry<C>? = nil, circuitBreaker: CircuitBreaker<C>? = nil, timeout: Timeout<C>? = nil,
        bulkhead: Bulkhead<C>? = nil
    ) {
        self.retry = retry
        self.circuitBreaker = circuitBreaker
        self.timeout = timeout
        self.bulkhead = bulkhead
    }

    /// Runs `operation` (given the attempt number, 1 for the first call) through every configured layer.
    public func execute<T: Sendable>(_ operation: @escaping @Sendable (_ attempt: Int) async throws -> T) async throws -> T {
        guard let retry else { return try await attempt(1, operation) }
        return try await retry.execute { number in try await attempt(number, operation) }
    }

    private func attempt<T: Sendable>(
        _ number: Int, _ operation: @escaping @Sendable (Int) async throws -> T
    ) async throws -> T {
        guard let circuitBreaker else { return try await limited(number, operation) }
        return try await circuitBreaker.execute { try await limited(number, operation) }
    }

    private func limited<T: Sendable>(
        _ number: Int, _ operation: @escaping @Sendable (Int) async throws -> T
    ) async throws -> T {
        let bulkhead = self.bulkhead
        let guarded: @Sendable () async throws -> T = {
            guard let bulkhead else { return try await operation(number) }
            return try await bulkhead.execute { try await operation(number) }
        }
        guard let timeout else { return try await guarded() }
        return try await timeout.execute(guarded)
    }
}
