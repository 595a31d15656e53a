/// The bulkhead's admission logic as a plain value: at most `maxConcurrentCalls` run at once, and a call that
/// finds it full waits in line up to `maxWait` (zero rejects at once).
///
/// Waiters are identified by a number the driver chooses; the driver schedules each waiter's deadline and
/// calls ``expire(waiter:)`` when it passes.
public struct BulkheadStateMachine: Sendable {
    public let maxConcurrentCalls: Int
    public let maxWait: Duration
    public private(set) var callsInFlight = 0
    /// Waiters in arrival order; a ring so admitting the head is O(1).
    private var waiters: [UInt64] = []
    private var head = 0

    public init(maxConcurrentCalls: Int, maxWait: Duration = .zero) {
        self.maxConcurrentCalls = max(1, maxConcurrentCalls)
        self.maxWait = max(.zero, maxWait)
    }

    /// What happens to a call that asks to enter.
    public enum Admission: Sendable, Hashable {
        case permitted
        /// Wait in line until `deadline` at the latest.
        case wait(deadline: Duration)
        case rejected
    }

    public var numberOfWaiters: Int { waiters.count - head }

    /// Asks for a slot for `waiter` at `now`.
    public mutating func acquire(waiter: UInt64, now: Duration) -> Admission {
        acquire(waiter: waiter) { now }
    }

    /// ``acquire(waiter:now:)`` with the clock in nanoseconds: the simulator's clock, which then builds a
    /// `Duration` only for a call that has to wait.
    public mutating func acquire(waiter: UInt64, nanoseconds now: Int64) -> Admission {
        acquire(waiter: waiter) { .nanoseconds(now) }
    }

    @inline(__always)
    private mutating func acquire(waiter: UInt64, now: () -> Duration) -> Admission {
        if callsInFlight < maxConcurrentCalls, numberOfWaiters == 0 {
            callsInFlight += 1
            return .permitted
        }
        guard maxWait > .zero else { return .rejected }
        waiters.append(waiter)
        return .wait(deadline: now() + maxWait)
    }

    /// Frees a slot; returns the waiter that now holds it, if one was waiting.
    public mutating func release() -> UInt64? {
        if numberOfWaiters > 0 {
            let next = waiters[head]
            advanceHead()
            return next
        }
        callsInFlight -= 1
        return nil
    }

    /// Removes a waiter whose deadline passed (or that was cancelled); `true` if it was still waiting, so the
    /// driver must reject it, `false` if it was already admitted.
    public mutating func expire(waiter: UInt64) -> Bool {
        guard numberOfWaiters > 0 else { return false }
        if waiters[head] == waiter {
            advanceHead()
            return true
        }
        guard let index = waiters[head...].firstIndex(of: waiter) else { return false }
        waiters.remove(at: index)
        return true
    }

    private mutating func advanceHead() {
        head += 1
        if head == waiters.count {
            waiters.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 1024, head * 2 >= waiters.count {
            waiters.removeFirst(head)
            head = 0
        }
    }
}
