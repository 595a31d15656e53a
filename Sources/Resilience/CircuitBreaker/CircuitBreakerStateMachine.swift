/// The circuit breaker's state logic as a plain value: methods take the current time and return what the
/// driver must do, so the async ``CircuitBreaker`` and the simulator's virtual clock run the same code.
///
/// Time is a `Duration` since any fixed origin of a monotonic clock (never the wall clock: NTP steps would
/// stretch or shrink the open period). Inside, times are whole nanoseconds in an `Int64` (292 years either way;
/// longer waits saturate): the simulator drives millions of calls a second through this type, and `Duration`'s
/// 128-bit arithmetic was a visible share of that. The `nanoseconds:` entry points skip the conversion.
public struct CircuitBreakerStateMachine: Sendable {
    public let configuration: CircuitBreakerConfiguration
    public private(set) var state: CircuitBreakerState = .closed
    /// Outcomes while closed or metrics-only.
    var window: SlidingWindowMetrics
    /// Outcomes of the current half-open probes.
    var probes = HalfOpenProbes()
    var period: UInt64 = 0
    var enteredStateAt: Int64
    var openUntil: Int64 = 0
    var consecutiveOpens = 0
    public private(set) var numberOfNotPermittedCalls = 0
    /// `configuration.slowCallDurationThreshold` in nanoseconds.
    let slowCallThreshold: Int64
    /// `configuration.maxWaitDurationInHalfOpenState` in nanoseconds.
    let maximumHalfOpenWait: Int64?

    public init(configuration: CircuitBreakerConfiguration, now: Duration) {
        self.init(configuration: configuration, nanoseconds: Self.nanoseconds(now))
    }

    /// A breaker whose clock reads `now` nanoseconds.
    public init(configuration: CircuitBreakerConfiguration, nanoseconds now: Int64) {
        self.configuration = configuration
        self.window = SlidingWindowMetrics(configuration.slidingWindow)
        self.enteredStateAt = now
        self.slowCallThreshold = Self.nanoseconds(configuration.slowCallDurationThreshold, rounding: .down)
        self.maximumHalfOpenWait = configuration.maxWaitDurationInHalfOpenState.map { Self.nanoseconds($0, rounding: .up) }
    }

    /// Asks whether a call may go through now; an open breaker whose wait is over turns half-open here.
    public mutating func acquirePermission(now: Duration) -> CircuitBreakerDecision {
        acquirePermission(nanoseconds: Self.nanoseconds(now))
    }

    /// ``acquirePermission(now:)`` with the clock in nanoseconds.
    public mutating func acquirePermission(nanoseconds now: Int64) -> CircuitBreakerDecision {
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
                let rejection = CircuitBreakerRejection(state: .open, retryAfter: .nanoseconds(openUntil &- now))
                return CircuitBreakerDecision(permission: .rejected(rejection), transition: nil)
            }
            let transition = moveTo(.halfOpen, now: now)
            return CircuitBreakerDecision(permission: admitProbe(now: now), transition: transition)
        case .halfOpen:
            if let transition = resolveExpiredHalfOpen(now: now) {
                let decision = acquirePermission(nanoseconds: now)
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
        record(outcome, permit: permit, nanoseconds: Self.nanoseconds(now))
    }

    /// ``record(_:permit:now:)`` with the clock in nanoseconds.
    @discardableResult
    public mutating func record(
        _ outcome: CircuitBreakerOutcome, permit: CircuitBreakerPermit, nanoseconds now: Int64
    ) -> CircuitBreakerTransition? {
        guard permit.period == period else { return nil }
        let isSlow = now &- permit.acquiredAtNanoseconds > slowCallThreshold
        switch state {
        case .closed, .metricsOnly:
            guard outcome != .ignored else { return nil }
            window.record(isFailure: outcome == .failure, isSlow: isSlow, nanoseconds: now)
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
        moveTo(newState, now: Self.nanoseconds(now))
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
            timeUntilHalfOpen: state == .open ? .nanoseconds(max(0, openUntil &- Self.nanoseconds(now))) : nil
        )
    }

    private func isAboveThresholds(failureRate: Double, slowCallRate: Double) -> Bool {
        failureRate >= configuration.failureRateThreshold || slowCallRate >= configuration.slowCallRateThreshold
    }

    private mutating func makePermit(now: Int64, isProbe: Bool) -> CircuitBreakerPermit {
        CircuitBreakerPermit(period: period, isProbe: isProbe, acquiredAtNanoseconds: now, state: state)
    }

    private mutating func admitProbe(now: Int64) -> CircuitBreakerPermission {
        guard probes.permitted < configuration.permittedNumberOfCallsInHalfOpenState else {
            numberOfNotPermittedCalls += 1
            return .rejected(CircuitBreakerRejection(state: .halfOpen, retryAfter: nil))
        }
        probes.permitted += 1
        return .permitted(makePermit(now: now, isProbe: true))
    }

    /// Half-open probes that have not decided within the maximum wait force a decision.
    private mutating func resolveExpiredHalfOpen(now: Int64) -> CircuitBreakerTransition? {
        guard let maximumWait = maximumHalfOpenWait, now &- enteredStateAt >= maximumWait
        else { return nil }
        return moveTo(configuration.halfOpenTimeoutResolution == .open ? .open : .closed, now: now)
    }

    /// Changes state with fresh metrics for the new period; returns `nil` when already in `newState`.
    private mutating func moveTo(_ newState: CircuitBreakerState, now: Int64) -> CircuitBreakerTransition? {
        guard newState != state else { return nil }
        let transition = CircuitBreakerTransition(from: state, to: newState, at: .nanoseconds(now))
        state = newState
        period &+= 1
        enteredStateAt = now
        probes = HalfOpenProbes()
        switch newState {
        case .open:
            consecutiveOpens += 1
            let wait = Self.nanoseconds(
                configuration.waitDurationInOpenState(afterConsecutiveOpens: consecutiveOpens), rounding: .up)
            let (end, overflow) = now.addingReportingOverflow(wait)
            openUntil = overflow ? .max : end
        case .closed, .metricsOnly, .disabled:
            consecutiveOpens = 0
            window = SlidingWindowMetrics(configuration.slidingWindow)
        case .halfOpen, .forcedOpen:
            break
        }
        return transition
    }

    /// Whole nanoseconds of `duration`, saturating beyond `Int64`'s 292 years.
    ///
    /// Clock readings are truncated (clocks tick in whole nanoseconds anyway). Limits are rounded so that
    /// comparing a whole-nanosecond time with them gives the answer the exact `Duration` would: a slow-call
    /// threshold down (`elapsed > threshold`), waits up (`now < openUntil`, `waited >= maximum`).
    static func nanoseconds(_ duration: Duration, rounding: FloatingPointRoundingRule = .towardZero) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        var (total, sumOverflow) = scaled.addingReportingOverflow(attoseconds / 1_000_000_000)
        guard !overflow, !sumOverflow else { return seconds < 0 ? .min : .max }
        let remainder = attoseconds % 1_000_000_000
        if rounding == .down, remainder < 0, total != Int64.min { total -= 1 }
        if rounding == .up, remainder > 0, total != Int64.max { total += 1 }
        return total
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
