import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// Sends one request to moto, in the learner's account, and returns moto's whole answer.
///
/// On AsyncHTTPClient, like the AWS client's transport: FoundationNetworking's URLSession spins a core while a
/// request is outstanding on Linux, and every learner's call through the proxy waits on moto.
struct EmulatorForwarder: Sendable {
    struct Answer: Sendable {
        let status: Int
        let headers: [(name: String, value: String)]
        let body: Data
    }

    /// Fields that describe one hop, not the message; the client sets its own.
    static let hopByHopFields: Set<String> = [
        "connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "proxy-authorization",
        "proxy-connection", "content-length", "host", "expect", "accept-encoding", "content-encoding",
    ]

    /// moto's answers to a class are small; one past this is not an answer to pass on.
    static let maximumAnswerBytes = 64 * 1024 * 1024

    /// One pool of keep-alive connections to moto for the life of the process (a client must never be dropped
    /// without a shutdown). It never reads a proxy from the environment: learners' calls stay on loopback.
    private static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow, timeout: .init(connect: .seconds(5)), decompression: .disabled)
        configuration.httpVersion = .http1Only
        configuration.connectionPool = .init(idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: 32)
        return HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
    }()

    /// - Parameter host: the `Host` the learner used; moto builds queue URLs from it, so they point at the proxy.
    func send(
        to emulator: URL, method: String, target: String, host: String, headers: [(name: String, value: String)],
        body: Data, account: String
    ) async throws -> Answer {
        var request = HTTPClientRequest(url: emulator.absoluteString + (target.hasPrefix("/") ? target : "/" + target))
        request.method = HTTPMethod(rawValue: method)
        for (name, value) in headers where !Self.hopByHopFields.contains(name.lowercased()) {
            request.headers.add(name: name, value: value)
        }
        request.headers.replaceOrAdd(name: "Host", value: host)
        request.headers.replaceOrAdd(name: "x-moto-account-id", value: account)
        if !body.isEmpty || method == "POST" || method == "PUT" { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await Self.client.execute(request, timeout: .seconds(60))
        let answer = try await response.body.collect(upTo: Self.maximumAnswerBytes)
        let fields = response.headers.compactMap { field -> (name: String, value: String)? in
            let name = field.name.lowercased()
            guard !Self.hopByHopFields.contains(name), name != "date", name != "server" else { return nil }
            return (field.name, field.value)
        }
        return Answer(status: Int(response.status.code), headers: fields, body: Data(answer.readableBytesView))
    }
}
