/// Proof that a breaker let a call through; hand it back with the call's outcome.
///
/// The permit remembers which period of the breaker's life admitted it, so that outcomes of calls started
/// before the breaker changed state do not count in the new state (they cannot extend an open period or
/// take a probe's place).
public struct CircuitBreakerPermit: Sendable, Hashable {
    /// Incremented on every transition; outcomes from an older period are dropped.
    let period: UInt64
    /// Whether this call is one of the half-open probes.
    public let isProbe: Bool
    /// When the breaker admitted the call, on the breaker's clock, in nanoseconds.
    let acquiredAtNanoseconds: Int64
    /// The state the breaker was in when it decided on the call.
    public let state: CircuitBreakerState

    /// When the breaker admitted the call, on the breaker's clock.
    public var acquiredAt: Duration { .nanoseconds(acquiredAtNanoseconds) }
}

/// Why a breaker refused a call, and when it may let one through again.
public struct CircuitBreakerRejection: Sendable, Hashable {
    /// The state that refused the call (`open`, `forcedOpen`, or `halfOpen` when all probes are out).
    public let state: CircuitBreakerState
    /// How long until an open breaker admits a probe; `nil` when unknown (forced open, probes out).
    public let retryAfter: Duration?
}

/// The outcome of asking a breaker for permission.
public enum CircuitBreakerPermission: Sendable, Hashable {
    case permitted(CircuitBreakerPermit)
    case rejected(CircuitBreakerRejection)
}

/// The action a breaker asks of its driver: proceed or not, and whether to publish a transition first.
public struct CircuitBreakerDecision: Sendable, Hashable {
    public let permission: CircuitBreakerPermission
    /// A state change the decision caused (open → half-open when the wait is over), to publish.
    public let transition: CircuitBreakerTransition?
}

/// How a finished call counts for the breaker.
public enum CircuitBreakerOutcome: Sendable, Hashable {
    /// The call succeeded; it may still count as slow.
    case success
    /// The call failed (a timeout is a failure too); it may also count as slow.
    case failure
    /// The call is not counted at all (an ignored error, cancellation, a bulkhead rejection); a probe's
    /// permit is given back so the breaker cannot get stuck half-open.
    case ignored
}
