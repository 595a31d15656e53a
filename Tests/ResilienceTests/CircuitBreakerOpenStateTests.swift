import Resilience
import Testing

@Suite("Circuit breaker: open and half-open")
struct CircuitBreakerOpenStateTests {
    /// Trips after two failures, waits 5 s open, admits `probes` probes.
    static func makeConfiguration(
        probes: Int = 2, openWaitMultiplier: Double = 1, halfOpenMaxWait: Duration? = nil
    ) -> CircuitBreakerConfiguration {
        CircuitBreakerConfiguration(
            failureRateThreshold: 50, minimumNumberOfCalls: 2, slidingWindow: .countBased(size: 2),
            waitDurationInOpenState: .seconds(5), openWaitMultiplier: openWaitMultiplier,
            maximumWaitDurationInOpenState: .seconds(60), permittedNumberOfCallsInHalfOpenState: probes,
            maxWaitDurationInHalfOpenState: halfOpenMaxWait)
    }

    static func makeTrippedBreaker(_ configuration: CircuitBreakerConfiguration) -> CircuitBreakerStateMachine {
        var breaker = CircuitBreakerStateMachine(configuration: configuration, now: .zero)
        breaker.call(.failure, at: .zero, lasting: .zero)
        breaker.call(.failure, at: .zero, lasting: .zero)
        return breaker
    }

    @Test("5. OPEN rejects without calling the operation and counts the rejection")
    func openRejectsWithoutCallingAndCounts() async throws {
        let breaker = CircuitBreaker(
            name: "inventory", configuration: Self.makeConfiguration(), clock: ManualClock(), logger: makeTestLogger())
        for _ in 0..<2 {
            await #expect(throws: TestFailure.downstream) { try await breaker.execute { throw TestFailure.downstream } }
        }
        #expect(breaker.snapshot().state == .open)
        let calls = CallCounter()
        let error = await #expect(throws: CircuitBreakerOpenError.self) {
            try await breaker.execute { await calls.increment() }
        }
        #expect(await calls.count == 0)
        #expect(breaker.snapshot().numberOfNotPermittedCalls == 1)
        #expect(error?.rejection.retryAfter == .seconds(5))
        #expect(error?.description == "inventory unavailable (circuit open); next try in 5 s")
    }

    @Test("6. With a 5 s open wait: rejected at 3 s, permitted at 6 s, and then HALF_OPEN with fresh metrics")
    func openWaitThenHalfOpenWithFreshMetrics() {
        var breaker = Self.makeTrippedBreaker(Self.makeConfiguration())
        guard case .rejected(let rejection) = breaker.acquirePermission(now: .seconds(3)).permission else {
            Issue.record("expected a rejection at 3 s")
            return
        }
        #expect(rejection.retryAfter == .seconds(2))
        let decision = breaker.acquirePermission(now: .seconds(6))
        #expect(decision.transition == CircuitBreakerTransition(from: .open, to: .halfOpen, at: .seconds(6)))
        guard case .permitted(let permit) = decision.permission else {
            Issue.record("expected a probe at 6 s")
            return
        }
        #expect(permit.isProbe)
        #expect(breaker.state == .halfOpen)
        let snapshot = breaker.snapshot(now: .seconds(6))
        #expect(snapshot.numberOfCalls == 0)
        #expect(snapshot.numberOfFailedCalls == 0)
    }

    @Test("7. Open wait can back off across consecutive re-opens")
    func openWaitBacksOffAcrossReopens() {
        var breaker = Self.makeTrippedBreaker(Self.makeConfiguration(probes: 1, openWaitMultiplier: 2))
        #expect(breaker.snapshot(now: .zero).timeUntilHalfOpen == .seconds(5))
        breaker.call(.failure, at: .seconds(5))
        #expect(breaker.state == .open)
        #expect(breaker.snapshot(now: .seconds(5) + .milliseconds(10)).timeUntilHalfOpen == .seconds(10))
        breaker.call(.failure, at: .seconds(16))
        #expect(breaker.snapshot(now: .seconds(16) + .milliseconds(10)).timeUntilHalfOpen == .seconds(20))
        breaker.call(.success, at: .seconds(37))
        #expect(breaker.state == .closed)
        breaker.call(.failure, at: .seconds(40), lasting: .zero)
        breaker.call(.failure, at: .seconds(40), lasting: .zero)
        #expect(breaker.snapshot(now: .seconds(40)).timeUntilHalfOpen == .seconds(5))
    }

    @Test("8. HALF_OPEN admits exactly N probes; the N+1st concurrent call is rejected")
    func halfOpenAdmitsExactlyNProbes() {
        var breaker = Self.makeTrippedBreaker(Self.makeConfiguration(probes: 3))
        let firstProbe = breaker.isPermitted(at: .seconds(5))
        #expect(firstProbe)
        let secondProbe = breaker.isPermitted(at: .seconds(5))
        #expect(secondProbe)
        let thirdProbe = breaker.isPermitted(at: .seconds(5))
        #expect(thirdProbe)
        guard case .rejected(let rejection) = breaker.acquirePermission(now: .seconds(5)).permission else {
            Issue.record("the fourth concurrent probe must be rejected")
            return
        }
        #expect(rejection.state == .halfOpen)
    }

    @Test("9. A probe that is cancelled or ignored gives its permit back (no breaker stuck half-open)")
    func cancelledProbeGivesPermitBack() async throws {
        var breaker = Self.makeTrippedBreaker(Self.makeConfiguration(probes: 1))
        breaker.call(.ignored, at: .seconds(5))
        #expect(breaker.state == .halfOpen)
        let probeAfterRelease = breaker.isPermitted(at: .seconds(6))
        #expect(probeAfterRelease)

        let clock = ManualClock()
        let asyncBreaker = CircuitBreaker(
            name: "inventory", configuration: Self.makeConfiguration(probes: 1), clock: clock, logger: makeTestLogger())
        for _ in 0..<2 { _ = try? await asyncBreaker.execute { throw TestFailure.downstream } }
        clock.advance(by: .seconds(5))
        await #expect(throws: CancellationError.self) { try await asyncBreaker.execute { throw CancellationError() } }
        #expect(asyncBreaker.snapshot().state == .halfOpen)
        try await asyncBreaker.execute {}
        #expect(asyncBreaker.snapshot().state == .closed)
    }

    @Test("10. HALF_OPEN → OPEN when probes fail above threshold; → CLOSED below it, with fresh metrics")
    func halfOpenDecidesFromProbes() {
        var failing = Self.makeTrippedBreaker(Self.makeConfiguration(probes: 2))
        failing.call(.success, at: .seconds(5))
        #expect(failing.state == .halfOpen)
        failing.call(.failure, at: .seconds(5))
        #expect(failing.state == .open)

        var recovering = Self.makeTrippedBreaker(Self.makeConfiguration(probes: 3))
        recovering.call(.success, at: .seconds(5))
        recovering.call(.failure, at: .seconds(5))
        recovering.call(.success, at: .seconds(5))
        #expect(recovering.state == .closed)
        let snapshot = recovering.snapshot(now: .seconds(6))
        #expect(snapshot.numberOfCalls == 0)
        #expect(snapshot.isBelowMinimumNumberOfCalls)
    }

    @Test("11. The half-open max wait forces a decision")
    func halfOpenMaxWaitForcesDecision() {
        var breaker = Self.makeTrippedBreaker(Self.makeConfiguration(probes: 2, halfOpenMaxWait: .seconds(3)))
        let strayProbe = breaker.isPermitted(at: .seconds(5))  // one probe goes out and never reports
        #expect(strayProbe)
        #expect(breaker.state == .halfOpen)
        let decision = breaker.acquirePermission(now: .seconds(8))
        #expect(decision.transition == CircuitBreakerTransition(from: .halfOpen, to: .open, at: .seconds(8)))
        #expect(breaker.state == .open)
        let probeAfterForcedDecision = breaker.isPermitted(at: .seconds(13))
        #expect(probeAfterForcedDecision)
    }

    @Test("13. Outcomes of calls started before the breaker opened do not extend the open period")
    func lateOutcomesDoNotExtendOpenPeriod() {
        var breaker = CircuitBreakerStateMachine(configuration: Self.makeConfiguration(), now: .zero)
        guard case .permitted(let slowPermit) = breaker.acquirePermission(now: .zero).permission else {
            Issue.record("closed breaker must permit")
            return
        }
        breaker.call(.failure, at: .seconds(1), lasting: .zero)
        breaker.call(.failure, at: .seconds(1), lasting: .zero)
        #expect(breaker.state == .open)
        let lateOutcomeWhileOpen = breaker.record(.failure, permit: slowPermit, now: .seconds(4))
        #expect(lateOutcomeWhileOpen == nil)
        #expect(breaker.snapshot(now: .seconds(4)).timeUntilHalfOpen == .seconds(2))
        let probeAfterWait = breaker.isPermitted(at: .seconds(6))
        #expect(probeAfterWait)
        let lateOutcomeWhileHalfOpen = breaker.record(.failure, permit: slowPermit, now: .seconds(6))
        #expect(lateOutcomeWhileHalfOpen == nil)
        #expect(breaker.state == .halfOpen)
    }

    @Test("14. Forced-open stays open past the wait; disabled records nothing")
    func forcedOpenAndDisabled() {
        var breaker = CircuitBreakerStateMachine(configuration: Self.makeConfiguration(), now: .zero)
        breaker.transition(to: .forcedOpen, now: .zero)
        let permittedWhileForcedOpen = breaker.isPermitted(at: .seconds(3600))
        #expect(!permittedWhileForcedOpen)
        #expect(breaker.state == .forcedOpen)

        var disabled = CircuitBreakerStateMachine(configuration: Self.makeConfiguration(), now: .zero)
        disabled.transition(to: .disabled, now: .zero)
        for index in 0..<50 { disabled.call(.failure, at: .seconds(index)) }
        #expect(disabled.state == .disabled)
        #expect(disabled.snapshot(now: .seconds(50)).numberOfCalls == 0)

        var metricsOnly = CircuitBreakerStateMachine(configuration: Self.makeConfiguration(), now: .zero)
        metricsOnly.transition(to: .metricsOnly, now: .zero)
        for index in 0..<5 { metricsOnly.call(.failure, at: .seconds(index)) }
        #expect(metricsOnly.state == .metricsOnly)
        #expect(metricsOnly.snapshot(now: .seconds(5)).failureRate == 100)
    }

    @Test("15. State transitions publish one event each; a transition to the same state publishes none")
    func transitionsPublishOneEventEach() async throws {
        let clock = ManualClock()
        let breaker = CircuitBreaker(
            name: "inventory", configuration: Self.makeConfiguration(probes: 1), clock: clock, logger: makeTestLogger())
        let events = breaker.makeEventStream()
        for _ in 0..<2 { _ = try? await breaker.execute { throw TestFailure.downstream } }
        breaker.transition(to: .open)
        clock.advance(by: .seconds(5))
        try await breaker.execute {}
        breaker.transition(to: .closed)
        breaker.transition(to: .forcedOpen)
        var received: [CircuitBreakerTransition] = []
        for await event in events {
            received.append(event)
            if received.count == 4 { break }
        }
        #expect(
            received.map { "\($0.from.rawValue)→\($0.to.rawValue)" } == [
                "closed→open", "open→halfOpen", "halfOpen→closed", "closed→forcedOpen",
            ])
        #expect(received.map(\.at) == [.zero, .seconds(5), .seconds(5), .seconds(5)])
    }
}
