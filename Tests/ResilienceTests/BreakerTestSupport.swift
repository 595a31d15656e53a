import Logging
import Resilience

/// Small helpers that keep the behaviour tests to the point.
extension CircuitBreakerStateMachine {
    /// Runs one call that starts at `start`, lasts `duration` and ends with `outcome`; `nil` when refused.
    @discardableResult
    mutating func call(
        _ outcome: CircuitBreakerOutcome, at start: Duration, lasting duration: Duration = .milliseconds(10)
    ) -> CircuitBreakerPermit? {
        guard case .permitted(let permit) = acquirePermission(now: start).permission else { return nil }
        record(outcome, permit: permit, now: start + duration)
        return permit
    }

    mutating func isPermitted(at now: Duration) -> Bool {
        if case .permitted = acquirePermission(now: now).permission { return true }
        return false
    }
}

enum TestFailure: Error, Equatable {
    case downstream
    case badRequest
}

/// A counter safe to bump from concurrent operations.
actor CallCounter {
    private(set) var count = 0
    func increment() { count += 1 }
}

func makeTestLogger() -> Logger {
    Logger(label: "resilience.tests", factory: { _ in SwiftLogNoOpLogHandler() })
}
