import Synchronization

/// Why a running job is being stopped before it finished on its own.
enum JobStopReason: Sendable, Equatable {
    /// Someone cancelled it: it ends `cancelled`.
    case cancelRequested
    /// The worker is shutting down and the grace period ran out: its lease is given back.
    case shutdown
    /// The lease is no longer ours (it expired and was rescued): whoever holds it now decides.
    case leaseLost
}

/// The stop button of one running job, pressed by the heartbeat, an in-process cancel, or shutdown.
final class JobRunControl: Sendable {
    private struct State {
        var reason: JobStopReason?
        var waiter: CheckedContinuation<JobStopReason?, Never>?
    }

    private let state = Mutex(State())

    /// The first reason given wins; later ones are ignored.
    var stopReason: JobStopReason? { state.withLock { $0.reason } }

    func stop(_ reason: JobStopReason) {
        let waiter = state.withLock { state -> CheckedContinuation<JobStopReason?, Never>? in
            guard state.reason == nil else { return nil }
            state.reason = reason
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: reason)
    }

    /// Returns the reason once stopped, or nil when the waiting task is cancelled first.
    func waitForStop() async -> JobStopReason? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<JobStopReason?, Never>) in
                let immediate = state.withLock { state -> JobStopReason?? in
                    if let reason = state.reason { return .some(reason) }
                    if Task.isCancelled { return .some(nil) }
                    state.waiter = continuation
                    return .none
                }
                if let immediate { continuation.resume(returning: immediate) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<JobStopReason?, Never>? in
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume(returning: nil)
        }
    }
}
