import Resilience
import Testing

@Suite("Bulkhead, timeout and clock")
struct BulkheadAndTimeoutTests {
    @Test("19. Bulkhead with max 2: the third concurrent call is rejected (or waits up to its max wait); finishing frees a slot")
    func bulkheadRejectsThirdAndFreesSlot() async throws {
        let clock = ManualClock()
        let bulkhead = Bulkhead(maxConcurrentCalls: 2, clock: clock)
        async let first: Void = bulkhead.execute { try await clock.sleep(for: .seconds(1)) }
        async let second: Void = bulkhead.execute { try await clock.sleep(for: .seconds(2)) }
        await clock.waitForSleepers(count: 2)
        #expect(bulkhead.callsInFlight == 2)
        await #expect(throws: BulkheadFullError.self) { try await bulkhead.execute {} }
        clock.advance(by: .seconds(1))
        try await first
        #expect(try await bulkhead.execute { 7 } == 7)
        clock.advance(by: .seconds(1))
        try await second
        #expect(bulkhead.callsInFlight == 0)

        var machine = BulkheadStateMachine(maxConcurrentCalls: 2, maxWait: .seconds(1))
        let admissions = (1...4).map { machine.acquire(waiter: $0, now: .zero) }
        #expect(admissions == [.permitted, .permitted, .wait(deadline: .seconds(1)), .wait(deadline: .seconds(1))])
        let admittedWaiter = machine.release()
        #expect(admittedWaiter == 3)
        let expiredAfterAdmission = machine.expire(waiter: 3)
        let expiredWhileWaiting = machine.expire(waiter: 4)
        #expect(!expiredAfterAdmission && expiredWhileWaiting)
        let nextWaiter = machine.release()
        #expect(nextWaiter == nil)
        #expect(machine.callsInFlight == 1)
    }

    @Test("A waiting bulkhead call gives up after its max wait")
    func bulkheadWaitGivesUp() async throws {
        let clock = ManualClock()
        let bulkhead = Bulkhead(maxConcurrentCalls: 1, maxWait: .milliseconds(500), clock: clock)
        async let holder: Void = bulkhead.execute { try await clock.sleep(for: .seconds(5)) }
        await clock.waitForSleepers(count: 1)
        let waiter = Task { try await bulkhead.execute { 1 } }
        await clock.waitForSleepers(count: 2)
        clock.advance(by: .milliseconds(500))
        await #expect(throws: BulkheadFullError.self) { try await waiter.value }
        clock.advance(by: .seconds(5))
        try await holder
    }

    @Test("20. Timeout cancels the operation and reports a timeout; a timed-out call counts as a failure for the breaker")
    func timeoutCancelsAndCountsAsFailure() async throws {
        let clock = ManualClock()
        let breaker = CircuitBreaker(
            name: "inventory", configuration: CircuitBreakerConfiguration(), clock: clock, logger: makeTestLogger())
        let pipeline = ResiliencePipeline(circuitBreaker: breaker, timeout: Timeout(.seconds(1), clock: clock))
        let cancellations = CallCounter()
        let outcome = Task {
            try await pipeline.execute { _ in
                do {
                    try await clock.sleep(for: .seconds(10))
                } catch is CancellationError {
                    await cancellations.increment()
                    throw CancellationError()
                }
                return 1
            }
        }
        await clock.waitForSleepers(count: 2)
        clock.advance(by: .seconds(1))
        await #expect(throws: TimeoutError.self) { try await outcome.value }
        #expect(await cancellations.count == 1)
        #expect(breaker.snapshot().numberOfFailedCalls == 1)
    }

    @Test("21. Everything runs on an injected clock: a test never sleeps in real time")
    func everythingRunsOnInjectedClock() async throws {
        let clock = ManualClock()
        let breaker = CircuitBreaker(
            name: "inventory",
            configuration: CircuitBreakerConfiguration(
                minimumNumberOfCalls: 1, slidingWindow: .countBased(size: 1), waitDurationInOpenState: .seconds(60),
                permittedNumberOfCallsInHalfOpenState: 1),
            clock: clock, logger: makeTestLogger())
        let retry = Retry(
            policy: RetryPolicy(maxAttempts: 2, backoff: Backoff(base: .seconds(30), cap: .seconds(30), jitter: .none)),
            clock: clock)
        let pipeline = ResiliencePipeline(retry: retry, circuitBreaker: breaker)
        let outcome = Task { try await pipeline.execute { _ in throw TestFailure.downstream } }
        await clock.waitForSleepers(count: 1)  // the retry's 30 s backoff, on the manual clock
        clock.advance(by: .seconds(30))
        await #expect(throws: CircuitBreakerOpenError.self) { try await outcome.value }
        #expect(breaker.snapshot().timeUntilHalfOpen == .seconds(30))
        clock.advance(by: .seconds(30))
        try await pipeline.execute { _ in }
        #expect(breaker.snapshot().state == .closed)
        // A minute passed on the injected clock; the test itself never waited for it.
        #expect(clock.now.offset == .seconds(60))
    }
}
