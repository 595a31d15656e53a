public import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// One `moto_server` child process on a loopback port of its own.
final class MotoProcess: Sendable {
    struct LaunchFailure: Error, CustomStringConvertible {
        let description: String
    }

    let endpoint: URL
    private let process: Process
    private let exit = ExitSignal()

    private init(process: Process, port: Int) {
        self.process = process
        self.endpoint = URL(string: "http://127.0.0.1:\(port)")!
    }

    var processIdentifier: Int32 { process.processIdentifier }

    /// Starts moto and returns once it says it is listening.
    ///
    /// moto's own recorder stays off: LabGuide's proxy records what to replay (writes only, ids translated).
    static func launch(executable: String, port: Int, startTimeout: Duration = .seconds(30)) async throws -> MotoProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-H", "127.0.0.1", "-p", String(port)]
        var environment = ProcessInfo.processInfo.environment
        for name in [
            "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "MOTO_ENABLE_RECORDING",
            "INITIAL_NO_AUTH_ACTION_COUNT", "MOTO_ACCOUNT_ID",
        ] {
            environment[name] = nil
        }
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let moto = MotoProcess(process: process, port: port)
        process.terminationHandler = { [exit = moto.exit] finished in exit.fire(status: finished.terminationStatus) }
        do {
            try process.run()
        } catch {
            throw LaunchFailure(description: "cannot start \(executable): \(error.localizedDescription)")
        }
        let listening = OutputWatcher(marker: "127.0.0.1:\(port)")
        output.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil }
            listening.consume(data)
        }
        let deadline = ContinuousClock.now + startTimeout
        while !listening.hasSeenMarker {
            if !process.isRunning {
                throw LaunchFailure(description: "moto_server exited before listening: \(listening.tail)")
            }
            guard ContinuousClock.now < deadline else {
                moto.stop()
                throw LaunchFailure(description: "moto_server did not listen on port \(port) within \(startTimeout)")
            }
            try await Task.sleep(for: .milliseconds(25))
        }
        return moto
    }

    /// Waits until the process has exited, and returns its status.
    func waitForExit() async -> Int32 {
        await exit.wait()
    }

    /// moto ignores SIGTERM: SIGINT asks it to stop, SIGKILL makes sure.
    func stop(grace: Duration = .seconds(2)) {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGINT)
        let deadline = ContinuousClock.now + grace
        while process.isRunning && ContinuousClock.now < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

/// Remembers moto's last output and whether it has said it is listening.
private final class OutputWatcher: Sendable {
    private let marker: String
    private let text = Mutex("")
    private let seen = Atomic(false)

    init(marker: String) { self.marker = marker }

    var hasSeenMarker: Bool { seen.load(ordering: .acquiring) }
    var tail: String { text.withLock { String($0.suffix(400)) } }

    func consume(_ data: Data) {
        guard !data.isEmpty else { return }
        text.withLock { text in
            text = String((text + String(decoding: data, as: UTF8.self)).suffix(4000))
            if !seen.load(ordering: .relaxed) && text.contains(marker) { seen.store(true, ordering: .releasing) }
        }
    }
}

/// Fires once when the process exits; waiters before or after that get the status.
private final class ExitSignal: Sendable {
    private let state = Mutex<(status: Int32?, waiters: [CheckedContinuation<Int32, Never>])>((nil, []))

    func fire(status: Int32) {
        let waiters = state.withLock { state in
            state.status = status
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: status) }
    }

    func wait() async -> Int32 {
        await withCheckedContinuation { continuation in
            let status = state.withLock { state in
                if state.status == nil { state.waiters.append(continuation) }
                return state.status
            }
            if let status { continuation.resume(returning: status) }
        }
    }
}
