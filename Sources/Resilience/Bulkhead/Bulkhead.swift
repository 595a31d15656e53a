import Synchronization

/// Thrown when a bulkhead is full and its wait ran out (or it does not wait).
public struct BulkheadFullError: Error, Sendable, Hashable, CustomStringConvertible {
    public let maxConcurrentCalls: Int
    public var description: String { "bulkhead full (\(maxConcurrentCalls) concurrent calls)" }
}

/// Limits concurrent calls for real async work, driving a ``BulkheadStateMachine`` on an injected clock.
public final class Bulkhead<C: Clock>: Sendable where C.Duration == Duration {
    private let clock: C
    private let origin: C.Instant
    private let state: Mutex<State>

    private struct State {
        var machine: BulkheadStateMachine
        var parked: [UInt64: CheckedContinuation<Bool, Never>] = [:]
        /// Answers that arrived before their waiter parked.
        var early: [UInt64: Bool] = [:]
        var nextWaiter: UInt64 = 0
    }

    public init(maxConcurrentCalls: Int, maxWait: Duration = .zero, clock: C) {
        self.clock = clock
        self.origin = clock.now
        self.state = Mutex(State(machine: BulkheadStateMachine(maxConcurrentCalls: maxConcurrentCalls, maxWait: maxWait)))
    }

    /// Calls currently holding a slot.
    public var callsInFlight: Int { state.withLock { $0.machine.callsInFlight } }

    /// Runs `operation` in a slot, waiting for one up to the maximum wait; throws ``BulkheadFullError`` if none.
    public func execute<T>(_ operation: () async throws -> T) async throws -> T {
        try await acquire()
        defer { release() }
        return try await operation()
    }

    private func acquire() async throws {
        let now = origin.duration(to: clock.now)
        let (admission, waiter, limit) = state.withLock { state in
            state.nextWaiter += 1
            return (state.machine.acquire(waiter: state.nextWaiter, now: now), state.nextWaiter, state.machine.maxConcurrentCalls)
        }
        switch admission {
        case .permitted:
            return
        case .rejected:
            throw BulkheadFullError(maxConcurrentCalls: limit)
        case .wait(let deadline):
            let isAdmitted = await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    do {
                        try await self.clock.sleep(until: self.origin.advanced(by: deadline), tolerance: nil)
                        self.expire(waiter)
                    } catch {}
                }
                let isAdmitted = await withTaskCancellationHandler {
                    await withCheckedContinuation { continuation in park(waiter, continuation) }
                } onCancel: {
                    expire(waiter)
                }
                group.cancelAll()
                return isAdmitted
            }
            guard isAdmitted else {
                try Task.checkCancellation()
                throw BulkheadFullError(maxConcurrentCalls: limit)
            }
        }
    }

    private func release() {
        state.withLock { state in
            if let next = state.machine.release() { answer(next, isAdmitted: true, in: &state) }
        }
    }

    private func expire(_ waiter: UInt64) {
        state.withLock { state in
            if state.machine.expire(waiter: waiter) { answer(waiter, isAdmitted: false, in: &state) }
        }
    }

    private func park(_ waiter: UInt64, _ continuation: CheckedContinuation<Bool, Never>) {
        let early = state.withLock { state in
            if let answer = state.early.removeValue(forKey: waiter) { return Optional(answer) }
            state.parked[waiter] = continuation
            return nil
        }
        if let early { continuation.resume(returning: early) }
    }

    private func answer(_ waiter: UInt64, isAdmitted: Bool, in state: inout State) {
        if let continuation = state.parked.removeValue(forKey: waiter) {
            continuation.resume(returning: isAdmitted)
        } else {
            state.early[waiter] = isAdmitted
        }
    }
}
