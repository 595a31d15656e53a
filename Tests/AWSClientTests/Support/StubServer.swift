import AWSClient
import Foundation
import MotoTestSupport
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#endif

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A scripted loopback HTTP server (`stub_server.py`) standing in for AWS endpoints, IMDS and the container
/// credentials endpoint: it answers, resets or hangs as each test scripts, and records what it received.
final class StubServer: Sendable {
    struct Response: Encodable, Sendable {
        var method: String?
        var path: String?
        var status: Int = 200
        var headers: [String: String] = [:]
        var body: String = ""
        var action: String = "respond"
        var seconds: Double?
        var `repeat`: Bool = false

        static func respond(
            _ status: Int = 200, method: String? = nil, path: String? = nil, headers: [String: String] = [:],
            body: String = "", repeats: Bool = false
        ) -> Response {
            Response(method: method, path: path, status: status, headers: headers, body: body, repeat: repeats)
        }

        static func reset(path: String? = nil) -> Response { Response(path: path, action: "reset") }
        static func hang(seconds: Double) -> Response { Response(action: "hang", seconds: seconds) }
    }

    struct ReceivedRequest: Decodable, Sendable {
        let method: String
        let path: String
        let headers: [String: String]
        let body: String
    }

    let port: Int
    private let process: Process
    var endpoint: URL { URL(string: "http://127.0.0.1:\(port)")! }

    private init(port: Int, process: Process) {
        self.port = port
        self.process = process
    }

    static func start() async throws -> StubServer {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("stub_server.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let port = try await readPort(output.fileHandleForReading)
        return StubServer(port: port, process: process)
    }

    private static func readPort(_ handle: FileHandle) async throws -> Int {
        let state = Mutex((text: "", done: false))
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int, any Error>) in
            handle.readabilityHandler = { handle in
                let data = handle.availableData
                let result: Result<Int, any Error>? = state.withLock { state in
                    guard !state.done else { return nil }
                    if data.isEmpty {
                        state.done = true
                        return .failure(MotoServer.StartFailure(description: "stub server exited: \(state.text)"))
                    }
                    state.text += String(decoding: data, as: UTF8.self)
                    guard let line = state.text.split(separator: "\n").first(where: { $0.hasPrefix("PORT ") }),
                        let port = Int(line.dropFirst(5))
                    else { return nil }
                    state.done = true
                    return .success(port)
                }
                if let result {
                    handle.readabilityHandler = nil
                    continuation.resume(with: result)
                }
            }
        }
    }

    /// Replaces the script and forgets the requests received so far.
    func script(_ responses: [Response]) async throws {
        struct Script: Encodable { let responses: [Response] }
        var request = URLRequest(url: endpoint.appendingPathComponent("__script"))
        request.httpMethod = "POST"
        request.httpBody = try JSONEncoder().encode(Script(responses: responses))
        _ = try await URLSession.shared.data(for: request)
    }

    func receivedRequests() async throws -> [ReceivedRequest] {
        let (data, _) = try await URLSession.shared.data(from: endpoint.appendingPathComponent("__requests"))
        return try JSONDecoder().decode([ReceivedRequest].self, from: data)
    }

    /// Kills the child with SIGKILL: `moto_server` ignores SIGTERM, and neither server has state worth flushing.
    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    deinit { stop() }
}

/// Starts one stub server per suite; tests read it from `StubServer.current`.
struct StubServerTrait: SuiteTrait, TestScoping {
    var isRecursive: Bool { false }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let server = try await StubServer.start()
        defer { server.stop() }
        try await StubServer.$current.withValue(server) { try await function() }
    }
}

extension StubServer {
    @TaskLocal static var current: StubServer?

    static func require() throws -> StubServer {
        guard let current else { throw MotoServer.StartFailure(description: "this suite needs the .stubServer trait") }
        return current
    }
}

extension Trait where Self == StubServerTrait {
    static var stubServer: StubServerTrait { StubServerTrait() }
}
