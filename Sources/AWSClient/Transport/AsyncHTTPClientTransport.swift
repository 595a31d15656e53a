import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// The default transport: AsyncHTTPClient on SwiftNIO, with pooled keep-alive connections.
///
/// It replaced `URLSessionTransport` because FoundationNetworking's URLSession spins a core while a request is
/// outstanding on Linux (measured: 1.84 s of CPU during one 2 s SQS long poll, none during a 2 s sleep), which made
/// every Verify cost as much CPU as it took time. On NIO, waiting costs nothing.
public struct AsyncHTTPClientTransport: HTTPTransport {
    private let client: HTTPClient
    private let loopbackClient: HTTPClient

    /// A loopback endpoint (the sandbox, a local emulator) either accepts at once or is down. AsyncHTTPClient keeps
    /// retrying a refused connection until the connect timeout, so with the remote timeout one attempt at a dead
    /// emulator took 2–3 s: three attempts outlasted a Verify check's 8 s budget on a busy machine, and calls
    /// cut short by the budget never reached the endpoint's breaker, which then never opened.
    public static let loopbackConnectTimeout: Duration = .seconds(1)

    /// - Parameter connectTimeout: how long a new connection may take (a dead endpoint refuses or times out here);
    ///   loopback endpoints get at most `loopbackConnectTimeout`.
    public init(connectTimeout: Duration = .seconds(3)) {
        client = Self.client(connectTimeout: connectTimeout)
        loopbackClient = Self.client(connectTimeout: min(connectTimeout, Self.loopbackConnectTimeout))
    }

    static func isLoopback(host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    public func send(_ request: AWSHTTPRequest, timeout: Duration) async throws -> AWSHTTPResponse {
        guard let url = request.url else {
            throw AWSError.makeInvalidConfiguration("cannot build a URL for host '\(request.host)' and path '\(request.path)'")
        }
        var outgoing = HTTPClientRequest(url: url.absoluteString)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for field in request.headers where field.name.lowercased() != "host" {
            outgoing.headers.add(name: field.name, value: field.value)
        }
        if !request.body.isEmpty || request.method == "POST" || request.method == "PUT" {
            outgoing.body = .bytes(ByteBuffer(bytes: request.body))
        }
        do {
            let client = Self.isLoopback(host: request.host) ? loopbackClient : client
            let response = try await client.execute(outgoing, timeout: .nanoseconds(timeout.nanoseconds))
            let body = try await response.body.collect(upTo: Self.maximumBodyBytes)
            var headers = HTTPHeaders()
            for field in response.headers { headers.add(name: field.name, value: field.value) }
            return AWSHTTPResponse(
                statusCode: Int(response.status.code), headers: headers, body: Data(body.readableBytesView))
        } catch let error as HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout:
                throw AWSError.makeTimeout(after: timeout, service: nil, operation: nil)
            case .cancelled:
                throw CancellationError()
            case .connectTimeout:
                throw AWSError.makeTransport("connection timed out", service: nil, operation: nil)
            case .remoteConnectionClosed:
                throw AWSError.makeTransport("connection reset by the server", service: nil, operation: nil)
            default:
                throw AWSError.makeTransport("HTTP error \(error)", service: nil, operation: nil)
            }
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as AWSError {
            throw error
        } catch let error as NIOConnectionError {
            _ = error
            throw AWSError.makeTransport("connection refused", service: nil, operation: nil)
        } catch let error as IOError {
            throw AWSError.makeTransport(
                error.errnoCode == ECONNREFUSED ? "connection refused" : "network error \(error.errnoCode)",
                service: nil, operation: nil)
        } catch {
            throw AWSError.makeTransport("network error \(type(of: error))", service: nil, operation: nil)
        }
    }

    /// AWS answers are small; a body past this is not an answer LabGuide can use.
    static let maximumBodyBytes = 64 * 1024 * 1024

    /// One client per connect timeout for the life of the process: clients hold connection pools and must never be
    /// dropped without a shutdown, so they are kept rather than made per runtime.
    private static let clients = Mutex<[Duration: HTTPClient]>([:])

    private static func client(connectTimeout: Duration) -> HTTPClient {
        clients.withLock { clients in
            if let client = clients[connectTimeout] { return client }
            var configuration = HTTPClient.Configuration(
                redirectConfiguration: .disallow,
                timeout: .init(connect: .nanoseconds(connectTimeout.nanoseconds)), decompression: .disabled)
            configuration.httpVersion = .http1Only
            configuration.connectionPool = .init(idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: 16)
            let client = HTTPClient(
                eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
            clients[connectTimeout] = client
            return client
        }
    }
}

extension Duration {
    var nanoseconds: Int64 {
        components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
    }
}
