import Synchronization

/// Wakes the class view's streams when a commit touched what they show, so they read the store only then.
///
/// A counter and parked continuations: a waiter passes the count it last saw, so a commit between its read and its
/// wait is never missed. One per kind of change (`AppDatabase.eventsChanged`, `classStateChanged`).
public final class StoreChangeSignal: Sendable {
    private struct State {
        var generation: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
        var cancelledBeforeParking: Set<UInt64> = []
        var nextWaiter: UInt64 = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// Moves on with every commit that changed the watched tables.
    public var generation: UInt64 { state.withLock { $0.generation } }

    func notify() {
        let woken = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.generation &+= 1
            defer { state.waiters.removeAll(keepingCapacity: true) }
            return Array(state.waiters.values)
        }
        for continuation in woken { continuation.resume() }
    }

    /// Returns once the generation moves past `generation`, or when the task is cancelled.
    public func wait(after generation: UInt64) async {
        let identifier = state.withLock { state -> UInt64 in
            state.nextWaiter &+= 1
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let isParked = state.withLock { state -> Bool in
                    if state.cancelledBeforeParking.remove(identifier) != nil || state.generation != generation {
                        return false
                    }
                    state.waiters[identifier] = continuation
                    return true
                }
                if !isParked { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
                guard let waiter = state.waiters.removeValue(forKey: identifier) else {
                    state.cancelledBeforeParking.insert(identifier)
                    return nil
                }
                return waiter
            }
            waiter?.resume()
        }
    }

    /// Like `wait(after:)`, but gives up after `timeout`: streams use it to send heartbeats and to poll for
    /// writes made by another process (the command line).
    public func wait(after generation: UInt64, timeout: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.wait(after: generation) }
            group.addTask { try? await Task.sleep(for: timeout) }
            _ = await group.next()
            group.cancelAll()
        }
    }
}
