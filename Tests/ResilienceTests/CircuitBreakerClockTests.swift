import Resilience
import Testing

/// The state machine keeps whole nanoseconds inside; these pin down that it still answers as exact `Duration`
/// arithmetic would, and that the simulator's nanosecond entry points are the same machine.
@Suite("Circuit breaker: clock precision")
struct CircuitBreakerClockTests {
    static let halfNanosecond = Duration.nanoseconds(1) / 2

    @Test("Limits between two nanoseconds compare as exact durations")
    func subNanosecondLimits() {
        // A call is slow when it takes longer than 10.5 ns: 10 ns is not, 11 ns is.
        var slow = CircuitBreakerStateMachine(
            configuration: CircuitBreakerConfiguration(
                slowCallRateThreshold: 100, slowCallDurationThreshold: .nanoseconds(10) + Self.halfNanosecond,
                minimumNumberOfCalls: 1, slidingWindow: .countBased(size: 1)),
            now: .zero)
        slow.call(.success, at: .seconds(1), lasting: .nanoseconds(10))
        #expect(slow.state == .closed)
        slow.call(.success, at: .seconds(2), lasting: .nanoseconds(11))
        #expect(slow.state == .open)

        // Open for 4.5 ns: still open at 4 ns, half-open at 5 ns.
        var open = CircuitBreakerStateMachine(
            configuration: CircuitBreakerConfiguration(
                minimumNumberOfCalls: 1, slidingWindow: .countBased(size: 1),
                waitDurationInOpenState: .nanoseconds(4) + Self.halfNanosecond),
            now: .zero)
        open.call(.failure, at: .zero, lasting: .zero)
        #expect(open.state == .open)
        let isPermittedAtFour = open.isPermitted(at: .nanoseconds(4))
        let isPermittedAtFive = open.isPermitted(at: .nanoseconds(5))
        #expect(!isPermittedAtFour)
        #expect(isPermittedAtFive)
        #expect(open.state == .halfOpen)
    }

    @Test("The nanosecond entry points drive the same machine as the Duration ones")
    func nanosecondEntryPointsMatch() {
        let configuration = CircuitBreakerConfiguration(
            slowCallDurationThreshold: .milliseconds(30), minimumNumberOfCalls: 4, slidingWindow: .countBased(size: 8),
            waitDurationInOpenState: .milliseconds(200), permittedNumberOfCallsInHalfOpenState: 2)
        var byDuration = CircuitBreakerStateMachine(configuration: configuration, now: .zero)
        var byNanoseconds = CircuitBreakerStateMachine(configuration: configuration, nanoseconds: 0)
        var transitions: [CircuitBreakerTransition?] = []
        var transitionsInNanoseconds: [CircuitBreakerTransition?] = []
        for step in 0..<400 {
            let start = Int64(step) * 7_000_000
            let end = start + Int64(step % 5) * 12_000_000
            let outcome: CircuitBreakerOutcome = (step / 40) % 2 == 1 || step % 7 == 0 ? .failure : .success
            let decision = byDuration.acquirePermission(now: .nanoseconds(start))
            let decisionInNanoseconds = byNanoseconds.acquirePermission(nanoseconds: start)
            #expect(decision == decisionInNanoseconds)
            transitions.append(decision.transition)
            transitionsInNanoseconds.append(decisionInNanoseconds.transition)
            guard case .permitted(let permit) = decision.permission,
                case .permitted(let permitInNanoseconds) = decisionInNanoseconds.permission
            else { continue }
            #expect(permit.acquiredAt == .nanoseconds(start))
            transitions.append(byDuration.record(outcome, permit: permit, now: .nanoseconds(end)))
            transitionsInNanoseconds.append(byNanoseconds.record(outcome, permit: permitInNanoseconds, nanoseconds: end))
        }
        #expect(transitions == transitionsInNanoseconds)
        let states = transitions.compactMap { $0?.to }
        #expect(states.contains(.open))
        #expect(states.contains(.closed))
        #expect(byDuration.snapshot(now: .seconds(3)) == byNanoseconds.snapshot(now: .seconds(3)))
    }
}
