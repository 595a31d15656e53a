import Resilience
import Testing

@Suite("Circuit breaker: windows and thresholds")
struct CircuitBreakerWindowTests {
    @Test("1. Below the minimum number of calls it never opens, even at 100 % failures")
    func belowMinimumNumberOfCallsNeverOpens() {
        let configuration = CircuitBreakerConfiguration(minimumNumberOfCalls: 10, slidingWindow: .countBased(size: 20))
        var breaker = CircuitBreakerStateMachine(configuration: configuration, now: .zero)
        for index in 0..<9 { breaker.call(.failure, at: .seconds(index)) }
        #expect(breaker.state == .closed)
        #expect(breaker.snapshot(now: .seconds(9)).failureRate == 100)
        #expect(breaker.snapshot(now: .seconds(9)).isBelowMinimumNumberOfCalls)
        breaker.call(.failure, at: .seconds(9))
        #expect(breaker.state == .open)
    }

    @Test("2. Equality trips it: 3 failures of 6 against 50 % opens")
    func failureRateEqualToThresholdTrips() {
        let configuration = CircuitBreakerConfiguration(
            failureRateThreshold: 50, minimumNumberOfCalls: 6, slidingWindow: .countBased(size: 6))
        var breaker = CircuitBreakerStateMachine(configuration: configuration, now: .zero)
        for _ in 0..<3 { breaker.call(.success, at: .zero) }
        breaker.call(.failure, at: .zero)
        breaker.call(.failure, at: .zero)
        #expect(breaker.state == .closed)
        breaker.call(.failure, at: .zero)
        #expect(breaker.state == .open)

        var belowThreshold = CircuitBreakerStateMachine(configuration: configuration, now: .zero)
        for _ in 0..<4 { belowThreshold.call(.success, at: .zero) }
        for _ in 0..<2 { belowThreshold.call(.failure, at: .zero) }
        #expect(belowThreshold.state == .closed)
    }

    @Test("3. A count window forgets outcomes older than the last N; a time window ages out per second")
    func windowsForgetOldOutcomes() {
        let countConfiguration = CircuitBreakerConfiguration(
            failureRateThreshold: 50, minimumNumberOfCalls: 4, slidingWindow: .countBased(size: 4))
        var countBreaker = CircuitBreakerStateMachine(configuration: countConfiguration, now: .zero)
        countBreaker.call(.failure, at: .zero)
        for _ in 0..<4 { countBreaker.call(.success, at: .zero) }
        #expect(countBreaker.snapshot(now: .zero).numberOfFailedCalls == 0)
        #expect(countBreaker.snapshot(now: .zero).numberOfCalls == 4)
        countBreaker.call(.failure, at: .zero)
        #expect(countBreaker.snapshot(now: .zero).failureRate == 25)

        let timeConfiguration = CircuitBreakerConfiguration(
            failureRateThreshold: 50, minimumNumberOfCalls: 10, slidingWindow: .timeBased(seconds: 2))
        var timeBreaker = CircuitBreakerStateMachine(configuration: timeConfiguration, now: .zero)
        timeBreaker.call(.failure, at: .milliseconds(100))
        timeBreaker.call(.failure, at: .milliseconds(1100))
        #expect(timeBreaker.snapshot(now: .milliseconds(1200)).numberOfFailedCalls == 2)
        timeBreaker.call(.success, at: .milliseconds(2100))
        let afterOneSecondAged = timeBreaker.snapshot(now: .milliseconds(2200))
        #expect(afterOneSecondAged.numberOfFailedCalls == 1)
        #expect(afterOneSecondAged.numberOfCalls == 2)
        timeBreaker.call(.success, at: .milliseconds(5000))
        #expect(timeBreaker.snapshot(now: .milliseconds(5100)).numberOfCalls == 1)
    }

    @Test("4. Slow calls alone can trip it (3 of 5 slow at a 60 % slow threshold)")
    func slowCallsAloneTrip() {
        let configuration = CircuitBreakerConfiguration(
            slowCallRateThreshold: 60, slowCallDurationThreshold: .seconds(1), minimumNumberOfCalls: 5,
            slidingWindow: .countBased(size: 5))
        var breaker = CircuitBreakerStateMachine(configuration: configuration, now: .zero)
        breaker.call(.success, at: .zero, lasting: .milliseconds(100))
        breaker.call(.success, at: .zero, lasting: .seconds(1))  // exactly the threshold is not slow
        breaker.call(.success, at: .zero, lasting: .seconds(2))
        breaker.call(.success, at: .zero, lasting: .seconds(2))
        #expect(breaker.state == .closed)
        breaker.call(.success, at: .zero, lasting: .seconds(3))
        #expect(breaker.state == .open)
        #expect(breaker.snapshot(now: .seconds(3)).slowCallRate == 60)
        #expect(breaker.snapshot(now: .seconds(3)).failureRate == 0)
    }

    @Test("12. Ignored errors count as neither success nor failure; a result predicate can mark a success as failure")
    func ignoredErrorsAndResultPredicate() async throws {
        let configuration = CircuitBreakerConfiguration(minimumNumberOfCalls: 2, slidingWindow: .countBased(size: 2))
        var machine = CircuitBreakerStateMachine(configuration: configuration, now: .zero)
        for _ in 0..<5 { machine.call(.ignored, at: .zero) }
        #expect(machine.snapshot(now: .zero).numberOfCalls == 0)

        let breaker = CircuitBreaker(
            name: "inventory", configuration: configuration, clock: ManualClock(), logger: makeTestLogger(),
            classifyError: { error in error as? TestFailure == .badRequest ? .ignored : .failure })
        await #expect(throws: TestFailure.badRequest) { try await breaker.execute { throw TestFailure.badRequest } }
        #expect(breaker.snapshot().numberOfCalls == 0)
        let status = try await breaker.execute(isFailure: { $0 == 503 }) { 503 }
        #expect(status == 503)
        #expect(breaker.snapshot().numberOfFailedCalls == 1)
        #expect(breaker.snapshot().numberOfCalls == 1)
    }
}
