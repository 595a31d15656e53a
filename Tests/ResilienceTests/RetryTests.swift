import Resilience
import Testing

@Suite("Retry")
struct RetryTests {
    @Test("16. Retry: max attempts counts the first call; non-retryable errors are not retried; exponential backoff doubles")
    func maxAttemptsNonRetryableAndDoubling() async throws {
        let clock = ManualClock()
        let retry = Retry(
            policy: RetryPolicy(maxAttempts: 3, backoff: .immediate), clock: clock,
            isRetryable: { $0 as? TestFailure != .badRequest })
        let calls = CallCounter()
        await #expect(throws: TestFailure.downstream) {
            try await retry.execute { _ in
                await calls.increment()
                throw TestFailure.downstream
            }
        }
        #expect(await calls.count == 3)

        let badRequests = CallCounter()
        await #expect(throws: TestFailure.badRequest) {
            try await retry.execute { _ in
                await badRequests.increment()
                throw TestFailure.badRequest
            }
        }
        #expect(await badRequests.count == 1)

        let policy = RetryPolicy(
            maxAttempts: 6, backoff: Backoff(base: .milliseconds(100), cap: .seconds(1), jitter: .none))
        var state = RetryState()
        var budget: RetryBudget? = nil
        var generator = SeededRandomNumberGenerator(seed: 1)
        var delays: [Duration] = []
        while case .retry(let delay) = state.next(after: .retryable, policy: policy, budget: &budget, using: &generator) {
            delays.append(delay)
        }
        #expect(delays == [.milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800), .seconds(1)])
        #expect(state.attempt == 6)
    }

    @Test("Jittered backoffs stay inside their formulas' bounds")
    func jitterStaysWithinBounds() {
        var generator = SeededRandomNumberGenerator(seed: 42)
        let base = Duration.milliseconds(100)
        let cap = Duration.seconds(2)
        for retry in 1...8 {
            let ceiling = min(cap, base * (1 << (retry - 1)))
            let full = Backoff(base: base, cap: cap, jitter: .full)
                .delay(beforeRetry: retry, previousDelay: .zero, using: &generator)
            #expect(full >= .zero && full <= ceiling)
            let equal = Backoff(base: base, cap: cap, jitter: .equal)
                .delay(beforeRetry: retry, previousDelay: .zero, using: &generator)
            #expect(equal >= ceiling / 2 - .nanoseconds(1) && equal <= ceiling)
            let previous = Duration.milliseconds(300)
            let decorrelated = Backoff(base: base, cap: cap, jitter: .decorrelated)
                .delay(beforeRetry: retry, previousDelay: previous, using: &generator)
            #expect(decorrelated >= base - .nanoseconds(1) && decorrelated <= .milliseconds(900))
        }
    }

    @Test("17. Retry outside the breaker never retries a \"not permitted\" rejection")
    func retryNeverRetriesBreakerRejection() async throws {
        let clock = ManualClock()
        let breaker = CircuitBreaker(
            name: "inventory", configuration: CircuitBreakerConfiguration(), clock: clock, logger: makeTestLogger())
        breaker.transition(to: .forcedOpen)
        let pipeline = ResiliencePipeline(
            retry: Retry(policy: RetryPolicy(maxAttempts: 5, backoff: .immediate), clock: clock),
            circuitBreaker: breaker, timeout: Timeout(.seconds(1), clock: clock),
            bulkhead: Bulkhead(maxConcurrentCalls: 2, clock: clock))
        let calls = CallCounter()
        await #expect(throws: CircuitBreakerOpenError.self) {
            try await pipeline.execute { _ in await calls.increment() }
        }
        #expect(await calls.count == 0)
        #expect(breaker.snapshot().numberOfNotPermittedCalls == 1)
    }

    @Test("18. Retry budget (token bucket): when empty, first attempts still go out, retries stop")
    func emptyBudgetStopsRetriesButNotFirstAttempts() async throws {
        let clock = ManualClock()
        let retry = Retry(
            policy: RetryPolicy(maxAttempts: 3, backoff: .immediate),
            budget: RetryBudget(capacity: 10, retryCost: 5, timeoutRetryCost: 10, successRefill: 1), clock: clock)
        let attempts = CallCounter()
        for _ in 0..<3 {
            _ = try? await retry.execute { _ in
                await attempts.increment()
                throw TestFailure.downstream
            }
        }
        // 3 attempts for the first call spend the 10 tokens; the next two calls get their first attempt only.
        #expect(await attempts.count == 5)
        #expect(retry.budgetTokens == 0)
        let value = try await retry.execute { attempt in attempt }
        #expect(value == 1)
        #expect(retry.budgetTokens == 1)

        var budget = RetryBudget.awsStandard
        let timeoutCost = budget.withdraw(afterTimeout: true)
        let errorCost = budget.withdraw(afterTimeout: false)
        #expect(timeoutCost == 10 && errorCost == 5)
        budget.recordSuccess(refunding: 5)
        #expect(budget.tokens == 490)
    }
}
