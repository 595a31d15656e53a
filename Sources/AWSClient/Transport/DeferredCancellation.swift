import Dispatch
import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Cancels a URLSession task from a global queue rather than the thread that cancelled the Swift task, and
/// remembers a cancel that came before the URLSession task existed.
final class DeferredCancellation: Sendable {
    private struct State: Sendable {
        var task: URLSessionTask?
        var isCancelled = false
    }

    private let state = Mutex(State())

    func attach(_ task: URLSessionTask) {
        let isCancelled = state.withLock { state in
            state.task = task
            return state.isCancelled
        }
        if isCancelled { Self.cancelLater(task) }
    }

    func cancel() {
        let task = state.withLock { state in
            state.isCancelled = true
            return state.task
        }
        if let task { Self.cancelLater(task) }
    }

    private static func cancelLater(_ task: URLSessionTask) {
        DispatchQueue.global().async { task.cancel() }
    }
}
