import Synchronization

/// The in-process wake-up: enqueueing wakes idle workers, and a job's log, progress or end wakes its followers.
///
/// Waiters remember the generation they last saw, so a change between reading the store and starting to wait is
/// never missed. Another process (the CLI) does not signal here; followers fall back to polling the store.
final class JobSignal: Sendable {
    enum Topic: Hashable, Sendable {
        /// New work is ready, or the worker should look again (shutdown).
        case queue
        case job(Int64)
    }

    private struct Waiter {
        let topic: Topic
        let continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var generations: [Topic: UInt64] = [:]
        var waiters: [UInt64: Waiter] = [:]
        var cancelledBeforeParking: Set<UInt64> = []
        var nextWaiter: UInt64 = 0
    }

    private let state = Mutex(State())

    func generation(of topic: Topic) -> UInt64 {
        state.withLock { $0.generations[topic] ?? 0 }
    }

    func notify(_ topic: Topic) {
        let woken = state.withLock { state -> [Waiter] in
            // Forgetting old generations only causes an early wake-up, after which callers read the store again.
            if state.generations.count > 10_000 { state.generations.removeAll(keepingCapacity: true) }
            state.generations[topic, default: 0] &+= 1
            let due = state.waiters.filter { $0.value.topic == topic }
            for key in due.keys { state.waiters.removeValue(forKey: key) }
            return Array(due.values)
        }
        for waiter in woken { waiter.continuation.resume() }
    }

    /// Returns once `topic` moves past `generation`, or when the task is cancelled.
    func wait(for topic: Topic, after generation: UInt64) async {
        let identifier = state.withLock { state -> UInt64 in
            state.nextWaiter &+= 1
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let parked = state.withLock { state -> Bool in
                    if state.cancelledBeforeParking.remove(identifier) != nil { return false }
                    if (state.generations[topic] ?? 0) != generation { return false }
                    state.waiters[identifier] = Waiter(topic: topic, continuation: continuation)
                    return true
                }
                if !parked { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard let waiter = state.waiters.removeValue(forKey: identifier) else {
                    state.cancelledBeforeParking.insert(identifier)
                    return nil
                }
                return waiter
            }
            waiter?.continuation.resume()
        }
    }
}
