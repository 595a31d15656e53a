public import Foundation
import Synchronization

/// What the sandbox is doing right now, shared by the supervisor (which changes it), the proxy (which waits for it)
/// and the pages (which show it).
public final class SandboxStatus: Sendable {
    public enum State: Sendable, Equatable {
        case starting
        /// Bringing back the learners' resources from the recording.
        case restoring(done: Int, total: Int)
        case ready
        /// moto exited or would not start; the supervisor is trying again.
        case down(reason: String)
    }

    public struct Snapshot: Sendable, Equatable {
        public let state: State
        /// moto's own address, loopback only; nil unless ready.
        public let emulatorEndpoint: URL?
        /// How many times moto had to be started again after it died.
        public let restarts: Int
        public let since: Date
    }

    private let current = Mutex(Snapshot(state: .starting, emulatorEndpoint: nil, restarts: 0, since: Date()))

    public init() {}

    public var snapshot: Snapshot { current.withLock { $0 } }

    func update(_ state: State, emulatorEndpoint: URL? = nil, countsRestart: Bool = false) {
        current.withLock { snapshot in
            snapshot = Snapshot(
                state: state, emulatorEndpoint: emulatorEndpoint, restarts: snapshot.restarts + (countsRestart ? 1 : 0),
                since: Date())
        }
    }

    /// moto's address once it is ready, waiting at most `timeout`; nil when it is still not ready by then.
    ///
    /// Polls every 50 ms: only requests that arrive while moto restarts wait here, and a restart takes seconds.
    /// - Parameter failed: an endpoint that just refused a connection: wait for the emulator that replaces it.
    public func readyEndpoint(within timeout: Duration, replacing failed: URL? = nil) async -> URL? {
        let deadline = ContinuousClock.now + timeout
        while true {
            let snapshot = self.snapshot
            if snapshot.state == .ready, let endpoint = snapshot.emulatorEndpoint, endpoint != failed { return endpoint }
            guard ContinuousClock.now < deadline, !Task.isCancelled else { return nil }
            try? await Task.sleep(for: .milliseconds(50))
        }
    }
}

extension SandboxStatus.Snapshot {
    /// One line for pages and logs.
    public var summary: String {
        switch state {
        case .starting: "The sandbox is starting."
        case .restoring(let done, let total): "The sandbox is restoring your resources (\(done) of \(total))."
        case .ready: restarts == 0 ? "The sandbox is running." : "The sandbox is running again (restarted \(restarts)×)."
        case .down(let reason): "The sandbox is down: \(reason). LabGuide is starting it again."
        }
    }
}
