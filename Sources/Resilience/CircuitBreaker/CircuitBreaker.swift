public import Logging
import Synchronization

/// A circuit breaker for real async calls, driving a ``CircuitBreakerStateMachine`` on an injected clock.
///
/// Use one per downstream endpoint: a single global breaker turns a partial outage into a total one.
/// State changes are logged at info and published to every stream made by ``makeEventStream()``.
public final class CircuitBreaker<C: Clock>: Sendable where C.Duration == Duration {
    public let name: String
    private let clock: C
    private let origin: C.Instant
    private let logger: Logger
    private let classifyError: @Sendable (any Error) -> CircuitBreakerOutcome
    private let state: Mutex<State>

    private struct State {
        var machine: CircuitBreakerStateMachine
        var subscribers: [UInt64: AsyncStream<CircuitBreakerTransition>.Continuation] = [:]
        var nextSubscriber: UInt64 = 0
    }

    /// - Parameter classifyError: how a thrown error counts; by default cancellation, bulkhead rejections and
    ///   other breakers' rejections are ignored and every other error is a failure.
    public init(
        name: String, configuration: CircuitBreakerConfiguration, clock: C, logger: Logger,
        classifyError: @escaping @Sendable (any Error) -> CircuitBreakerOutcome = CircuitBreakerDefaults.classify
    ) {
        self.name = name
        self.clock = clock
        self.origin = clock.now
        self.logger = logger
        self.classifyError = classifyError
        self.state = Mutex(State(machine: CircuitBreakerStateMachine(configuration: configuration, now: .zero)))
    }

    /// Runs `operation` if the breaker permits, records its outcome, and rethrows its error.
    ///
    /// - Parameter isFailure: marks a returned value as a failure (for example an HTTP 503 that did not throw).
    public func execute<T>(
        isFailure: (T) -> Bool = { _ in false }, _ operation: () async throws -> T
    ) async throws -> T {
        let permit = try acquirePermission()
        do {
            let value = try await operation()
            record(isFailure(value) ? .failure : .success, permit: permit)
            return value
        } catch {
            record(classifyError(error), permit: permit)
            throw error
        }
    }

    /// Asks for permission; throws ``CircuitBreakerOpenError`` when refused.
    public func acquirePermission() throws(CircuitBreakerOpenError) -> CircuitBreakerPermit {
        let now = elapsed()
        let decision = state.withLock { state in
            let decision = state.machine.acquirePermission(now: now)
            publish(decision.transition, to: state)
            return decision
        }
        switch decision.permission {
        case .permitted(let permit): return permit
        case .rejected(let rejection): throw CircuitBreakerOpenError(name: name, rejection: rejection)
        }
    }

    /// Records how a permitted call ended.
    public func record(_ outcome: CircuitBreakerOutcome, permit: CircuitBreakerPermit) {
        let now = elapsed()
        state.withLock { state in
            publish(state.machine.record(outcome, permit: permit, now: now), to: state)
        }
    }

    /// Forces a state: `forcedOpen`, `disabled`, `metricsOnly`, or back to `closed`.
    public func transition(to newState: CircuitBreakerState) {
        let now = elapsed()
        state.withLock { state in
            publish(state.machine.transition(to: newState, now: now), to: state)
        }
    }

    public func snapshot() -> CircuitBreakerSnapshot {
        let now = elapsed()
        return state.withLock { $0.machine.snapshot(now: now) }
    }

    /// A stream of every state change from now on; it ends when the consumer stops iterating.
    public func makeEventStream() -> AsyncStream<CircuitBreakerTransition> {
        let (stream, continuation) = AsyncStream.makeStream(of: CircuitBreakerTransition.self)
        let identifier = state.withLock { state in
            state.nextSubscriber += 1
            state.subscribers[state.nextSubscriber] = continuation
            return state.nextSubscriber
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: identifier) }
        }
        return stream
    }

    private func elapsed() -> Duration {
        origin.duration(to: clock.now)
    }

    private func publish(_ transition: CircuitBreakerTransition?, to state: State) {
        guard let transition else { return }
        logger.info(
            "Circuit breaker changed state",
            metadata: [
                "breaker.name": "\(name)", "breaker.from": "\(transition.from.rawValue)",
                "breaker.to": "\(transition.to.rawValue)",
            ])
        for continuation in state.subscribers.values { continuation.yield(transition) }
    }
}

/// The default error classification shared by breakers.
public enum CircuitBreakerDefaults {
    /// Cancellation and rejections by other resilience layers are not the downstream's fault: ignore them.
    @Sendable public static func classify(_ error: any Error) -> CircuitBreakerOutcome {
        switch error {
        case is CancellationError, is BulkheadFullError, is CircuitBreakerOpenError: .ignored
        default: .failure
        }
    }
}
