/// The circuit breaker's state logic as a plain value: methods take the current time and return what the
/// driver must do, so the async ``CircuitBreaker`` and the simulator's virtual clock run the same code.
///
/// Time is a `Duration` since any fixed origin of a monotonic clock (never the wall clock: NTP steps would
/// stretch or shrink the open period).
public struct CircuitBreakerStateMachine: Sendable {
    public let configuration: CircuitBreakerConfiguration
    public private(set) var state: CircuitBreakerState = .closed
    /// Outcomes while closed or metrics-only.
    var window: SlidingWindowMetrics
    /// Outcomes of the current half-open probes.
    var probes = HalfOpenProbes()
    var period: UInt64 = 0
    var enteredStateAt: Duration
    var openUntil: Duration = .zero
    var consecutiveOpens = 0
    public private(set) var numberOfNotPermittedCalls = 0

    public init(configuration: CircuitBreakerConfiguration, now: Duration) {
        self.configuration = configuration
        self.window = SlidingWindowMetrics(configuration.slidingWindow)
        self.enteredStateAt = now
    }

    /// Asks whether a call may go through now; an open breaker whose wait is over turns half-open here.
    public mutating func acquirePermission(now: Duration) -> CircuitBreakerDecision {
        switch state {
        case .closed, .metricsOnly, .disabled:
            return CircuitBreakerDecision(permission: .permitted(makePermit(now: now, isProbe: false)), transition: nil)
        case .forcedOpen:
            numberOfNotPermittedCalls += 1
            return CircuitBreakerDecision(
                permission: .rejected(CircuitBreakerRejection(state: .forcedOpen, retryAfter: nil)), transition: nil)
        case .open:
            if now < openUntil {
                numberOfNotPermittedCalls += 1
                let rejection = CircuitBreakerRejection(state: .open, retryAfter: openUntil - now)
                return CircuitBreakerDecision(permission: .rejected(rejection), transition: nil)
            }
            let transition = moveTo(.halfOpen, now: now)
            return CircuitBreakerDecision(permission: admitProbe(now: now), transition: transition)
        case .halfOpen:
            if let transition = resolveExpiredHalfOpen(now: now) {
                let decision = acquirePermission(now: now)
                return CircuitBreakerDecision(permission: decision.permission, transition: transition)
            }
            return CircuitBreakerDecision(permission: admitProbe(now: now), transition: nil)
        }
    }

    /// Records how an admitted call ended; returns the transition it caused, if any.
    @discardableResult
    public mutating func record(
        _ outcome: CircuitBreakerOutcome, permit: CircuitBreakerPermit, now: Duration
    ) -> CircuitBreakerTransition? {
        guard permit.period == period else { return nil }
        let duration = now - permit.acquiredAt
        let isSlow = duration > configuration.slowCallDurationThreshold
        switch state {
        case .closed, .metricsOnly:
            guard outcome != .ignored else { return nil }
            window.record(isFailure: outcome == .failure, isSlow: isSlow, now: now)
            guard state == .closed, window.numberOfCalls >= configuration.effectiveMinimumNumberOfCalls,
                isAboveThresholds(failureRate: window.failureRate, slowCallRate: window.slowCallRate)
            else { return nil }
            return moveTo(.open, now: now)
        case .halfOpen:
            if let transition = resolveExpiredHalfOpen(now: now) { return transition }
            guard outcome != .ignored else {
                probes.permitted -= 1
                return nil
            }
            probes.record(isFailure: outcome == .failure, isSlow: isSlow)
            guard probes.completed >= configuration.permittedNumberOfCallsInHalfOpenState else { return nil }
            let shouldReopen = isAboveThresholds(failureRate: probes.failureRate, slowCallRate: probes.slowCallRate)
            return moveTo(shouldReopen ? .open : .closed, now: now)
        case .open, .forcedOpen, .disabled:
            return nil
        }
    }

    /// Moves the breaker by hand: `forcedOpen`, `disabled`, `metricsOnly`, or back to `closed`/`open`/`halfOpen`.
    @discardableResult
    public mutating func transition(to newState: CircuitBreakerState, now: Duration) -> CircuitBreakerTransition? {
        moveTo(newState, now: now)
    }

    /// The breaker's state and rates, without changing anything.
    public func snapshot(now: Duration) -> CircuitBreakerSnapshot {
        let isHalfOpen = state == .halfOpen
        let calls = isHalfOpen ? probes.completed : window.numberOfCalls
        let minimum =
            isHalfOpen ? configuration.permittedNumberOfCallsInHalfOpenState : configuration.effectiveMinimumNumberOfCalls
        return CircuitBreakerSnapshot(
            state: state,
            failureRate: isHalfOpen ? probes.failureRate : window.failureRate,
            slowCallRate: isHalfOpen ? probes.slowCallRate : window.slowCallRate,
            numberOfCalls: calls,
            numberOfFailedCalls: isHalfOpen ? probes.failed : window.numberOfFailedCalls,
            numberOfSlowCalls: isHalfOpen ? probes.slow : window.numberOfSlowCalls,
            numberOfNotPermittedCalls: numberOfNotPermittedCalls,
            isBelowMinimumNumberOfCalls: calls < minimum,
            timeUntilHalfOpen: state == .open ? max(.zero, openUntil - now) : nil
        )
    }

    private func isAboveThresholds(failureRate: Double, slowCallRate: Double) -> Bool {
        failureRate >= configuration.failureRateThreshold || slowCallRate >= configuration.slowCallRateThreshold
    }

    private mutating func makePermit(now: Duration, isProbe: Bool) -> CircuitBreakerPermit {
        CircuitBreakerPermit(period: period, isProbe: isProbe, acquiredAt: now, state: state)
    }

    private mutating func admitProbe(now: Duration) -> CircuitBreakerPermission {
        guard probes.permitted < configuration.permittedNumberOfCallsInHalfOpenState else {
            numberOfNotPermittedCalls += 1
            return .rejected(CircuitBreakerRejection(state: .halfOpen, retryAfter: nil))
        }
        probes.permitted += 1
        return .permitted(makePermit(now: now, isProbe: true))
    }

    /// Half-open probes that have not decided within the maximum wait force a decision.
    private mutating func resolveExpiredHalfOpen(now: Duration) -> CircuitBreakerTransition? {
        guard let maximumWait = configuration.maxWaitDurationInHalfOpenState, now - enteredStateAt >= maximumWait
        else { return nil }
        return moveTo(configuration.halfOpenTimeoutResolution == .open ? .open : .closed, now: now)
    }

    /// Changes state with fresh metrics for the new period; returns `nil` when already in `newState`.
    private mutating func moveTo(_ newState: CircuitBreakerState, now: Duration) -> CircuitBreakerTransition? {
        guard newState != state else { return nil }
        let transition = CircuitBreakerTransition(from: state, to: newState, at: now)
        state = newState
        period &+= 1
        enteredStateAt = now
        probes = HalfOpenProbes()
        switch newState {
        case .open:
            consecutiveOpens += 1
            openUntil = now + configuration.waitDurationInOpenState(afterConsecutiveOpens: consecutiveOpens)
        case .closed, .metricsOnly, .disabled:
            consecutiveOpens = 0
            window = SlidingWindowMetrics(configuration.slidingWindow)
        case .halfOpen, .forcedOpen:
            break
        }
        return transition
    }
}

/// Counts of the probes admitted and completed in one half-open period.
struct HalfOpenProbes: Sendable, Hashable {
    var permitted = 0
    private(set) var completed = 0
    private(set) var failed = 0
    private(set) var slow = 0

    var failureRate: Double { completed == 0 ? 0 : Double(failed) * 100 / Double(completed) }
    var slowCallRate: Double { completed == 0 ? 0 : Double(slow) * 100 / Double(completed) }

    mutating func record(isFailure: Bool, isSlow: Bool) {
        completed += 1
        if isFailure { failed += 1 }
        if isSlow { slow += 1 }
    }
}
