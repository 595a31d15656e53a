public import AWSClient
public import Foundation
public import Synchronization
public import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A `moto_server` child process on a free loopback port, for the integration suites. It is started before a suite
/// runs (see `MotoServerTrait`) and terminated after it; if `moto_server` is not installed the suite fails, naming
/// the missing command and how to install it.
public final class MotoServer: Sendable {
    public struct StartFailure: Error, CustomStringConvertible {
        public let description: String

        public init(description: String) {
            self.description = description
        }
    }

    public let port: Int
    let process: Process
    /// Calls moto answers without checking signatures before it starts checking every one.
    public let unauthenticatedCallCount: Int?
    /// The access key made by the setup calls, kept because moto allows the free calls only once.
    public let sandboxCredentials = Mutex<AWSCredentials?>(nil)

    public var endpoint: URL { URL(string: "http://127.0.0.1:\(port)")! }

    private init(port: Int, process: Process, unauthenticatedCallCount: Int?) {
        self.port = port
        self.process = process
        self.unauthenticatedCallCount = unauthenticatedCallCount
    }

    /// Finds `moto_server` on `PATH`.
    public static func locateExecutable() throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/moto_server"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw StartFailure(
            description: "missing command: moto_server (install it with `pip install 'moto[server]'`); "
                + "the AWS integration tests need it")
    }

    /// Starts moto and returns once it has printed that it is listening.
    public static func start(unauthenticatedCallCount: Int? = nil) async throws -> MotoServer {
        let executable = try locateExecutable()
        let port = try FreePort.make()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-H", "127.0.0.1", "-p", String(port)]
        var environment = ProcessInfo.processInfo.environment
        environment["AWS_ACCESS_KEY_ID"] = nil
        environment["AWS_SECRET_ACCESS_KEY"] = nil
        if let unauthenticatedCallCount {
            environment["INITIAL_NO_AUTH_ACTION_COUNT"] = String(unauthenticatedCallCount)
        } else {
            environment["INITIAL_NO_AUTH_ACTION_COUNT"] = nil
        }
        process.environment = environment
        let output = Pipe()
        process.standardError = output
        process.standardOutput = output
        try process.run()
        let server = MotoServer(port: port, process: process, unauthenticatedCallCount: unauthenticatedCallCount)
        do {
            try await waitUntilListening(output: output.fileHandleForReading, port: port)
        } catch {
            server.stop()
            throw error
        }
        return server
    }

    /// Reads moto's log until it says `Running on http://127.0.0.1:<port>`: event-driven, no polling sleeps.
    private static func waitUntilListening(output: FileHandle, port: Int) async throws {
        let marker = "127.0.0.1:\(port)"
        let seen = Mutex((text: "", resumed: false))
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            output.readabilityHandler = { handle in
                let data = handle.availableData
                let finished: Result<Void, any Error>? = seen.withLock { state in
                    guard !state.resumed else { return nil }
                    if data.isEmpty {
                        state.resumed = true
                        return .failure(StartFailure(description: "moto_server exited before listening: \(state.text)"))
                    }
                    state.text += String(decoding: data, as: UTF8.self)
                    guard state.text.contains(marker) else { return nil }
                    state.resumed = true
                    return .success(())
                }
                if let finished {
                    continuation.resume(with: finished)
                }
            }
        }
        // Keep draining moto's log so that the pipe never fills up and blocks the server.
        output.readabilityHandler = { handle in
            if handle.availableData.isEmpty { handle.readabilityHandler = nil }
        }
    }

    /// Kills the child with SIGKILL: `moto_server` ignores SIGTERM, and neither server has state worth flushing.
    public func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    deinit {
        stop()
    }
}

/// Starts one moto for a whole suite and stops it afterwards; tests read it from `MotoServer.current`.
public struct MotoServerTrait: SuiteTrait, TestScoping {
    let unauthenticatedCallCount: Int?
    public var isRecursive: Bool { false }

    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let server = try await MotoServer.start(unauthenticatedCallCount: unauthenticatedCallCount)
        defer { server.stop() }
        try await MotoServer.$current.withValue(server) {
            try await function()
        }
    }
}

extension MotoServer {
    @TaskLocal public static var current: MotoServer?

    /// The suite's server, or a failure naming the missing trait.
    public static func require() throws -> MotoServer {
        guard let current else {
            throw StartFailure(description: "this suite needs the .motoServer trait")
        }
        return current
    }
}

extension Trait where Self == MotoServerTrait {
    /// A moto for the suite; with `signatureChecking`, moto checks every signature after the setup calls.
    public static func motoServer(signatureChecking: Bool) -> MotoServerTrait {
        MotoServerTrait(unauthenticatedCallCount: signatureChecking ? SandboxAccount.setupCallCount : nil)
    }
}
