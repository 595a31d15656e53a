import AWSClient
import Foundation
import LabChecks
import MotoTestSupport
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A loopback stand-in for the two answers moto cannot give, so that the real-account path of
/// `appmesh.virtual-service` and `ecs.service-connect` is exercised: App Mesh's DescribeVirtualService and ECS's
/// DescribeServices with a deployment's Service Connect settings. Everything else answers 404 `NotFoundException`.
/// The canned bodies follow the shapes in AWS's API reference; nothing moto does answer is stood in for here.
final class RealAccountStandIn: Sendable {
    let port: Int
    private let process: Process

    private init(port: Int, process: Process) {
        self.port = port
        self.process = process
    }

    /// `answers` maps an App Mesh path (`/v20190125/meshes/m/virtualServices/s`) or an `X-Amz-Target` to a JSON body.
    static func start(answers: [String: String]) async throws -> RealAccountStandIn {
        let port = try FreePort.make()
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("labguide-stand-in-\(port).py")
        try Self.script.write(to: script, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", script.path, String(port), String(decoding: try JSONEncoder().encode(answers), as: UTF8.self),
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let standIn = RealAccountStandIn(port: port, process: process)
        // The script prints one line once it listens.
        let line = Mutex("")
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            output.fileHandleForReading.readabilityHandler = { handle in
                let data = handle.availableData
                let done = line.withLock { text in
                    guard !text.hasSuffix("\n") else { return false }
                    text += String(decoding: data, as: UTF8.self)
                    return text.hasSuffix("\n") || data.isEmpty
                }
                if done {
                    handle.readabilityHandler = nil
                    continuation.resume()
                }
            }
        }
        return standIn
    }

    /// A learner whose runtime talks to the stand-in instead of moto.
    func makeLearner() throws -> LearnerAccount {
        try VerifyFixtures.makeLearner(port: port, prefix: "lg-real-9x9x-")
    }

    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    deinit { stop() }

    static let script = #"""
        import json, sys
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
        port, answers = int(sys.argv[1]), json.loads(sys.argv[2])
        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            def log_message(self, *args): pass
            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                key = self.headers.get("X-Amz-Target") or self.path.split("?")[0]
                body, status = answers.get(key), 200
                if body is None:
                    body, status = json.dumps({"__type": "NotFoundException", "message": "no such resource"}), 404
                data = body.encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                if status == 404: self.send_header("x-amzn-ErrorType", "NotFoundException")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            do_GET = do_POST = do_PUT = _answer
        server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        print("LISTENING", flush=True)
        server.serve_forever()
        """#
}
