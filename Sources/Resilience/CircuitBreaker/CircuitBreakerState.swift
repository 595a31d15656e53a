/// The states a circuit breaker can be in, named as the simulator API and the event stream spell them.
///
/// `closed`, `open` and `halfOpen` are the automatic states; the others are set by an operator:
/// `forcedOpen` rejects everything until released, `disabled` permits everything and records nothing,
/// `metricsOnly` permits everything and records outcomes but never opens.
public enum CircuitBreakerState: String, Sendable, Hashable, Codable, CaseIterable {
    case closed
    case open
    case halfOpen
    case forcedOpen
    case disabled
    case metricsOnly

    /// Whether a call in this state is refused without reaching the protected operation.
    public var isRejectingCalls: Bool {
        self == .open || self == .forcedOpen
    }
}

/// One change of state, published once per change (a transition to the same state publishes nothing).
public struct CircuitBreakerTransition: Sendable, Hashable {
    /// The state before the change.
    public let from: CircuitBreakerState
    /// The state after the change.
    public let to: CircuitBreakerState
    /// When the change happened, on the breaker's clock (time since the clock's origin).
    public let at: Duration

    public init(from: CircuitBreakerState, to: CircuitBreakerState, at: Duration) {
        self.from = from
        self.to = to
        self.at = at
    }
}

/// A point-in-time view of a breaker for dashboards and error messages.
public struct CircuitBreakerSnapshot: Sendable, Hashable {
    /// The current state.
    public var state: CircuitBreakerState
    /// Failed calls as a percentage (0–100) of the calls in the current window; 0 without calls.
    public var failureRate: Double
    /// Slow calls as a percentage (0–100) of the calls in the current window; 0 without calls.
    public var slowCallRate: Double
    /// Calls recorded in the current window (the probes while half-open).
    public var numberOfCalls: Int
    /// Failed calls in the current window.
    public var numberOfFailedCalls: Int
    /// Slow calls in the current window.
    public var numberOfSlowCalls: Int
    /// Calls refused since the breaker was created.
    public var numberOfNotPermittedCalls: Int
    /// Whether the window holds fewer calls than the breaker needs before it may trip.
    public var isBelowMinimumNumberOfCalls: Bool
    /// How long until an open breaker lets a probe through; `nil` unless `open`.
    public var timeUntilHalfOpen: Duration?
}
