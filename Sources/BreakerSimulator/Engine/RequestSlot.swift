import Resilience

/// The order service's view of one client request while it is in flight: its retry state and its current
/// attempt. Slots are reused, so a run allocates no memory per request once warmed up.
struct RequestSlot {
    var request: Int64 = 0
    var arrival: Int64 = 0
    var retry = RetryState()
    /// Distinguishes the attempts that have used this slot, so stale events are recognised.
    var serial: UInt32 = 0
    var attemptStart: Int64 = 0
    /// When the attempt times out (`Int64.max` without a timeout).
    var deadline: Int64 = .max
    var permit: CircuitBreakerPermit?
    var decisionState: CircuitBreakerState = .closed
    var reachedDownstream = false
    /// The outcome already known when the attempt was sent (its response or its timeout comes later).
    var pendingOutcome: CallOutcome = .succeeded
}
