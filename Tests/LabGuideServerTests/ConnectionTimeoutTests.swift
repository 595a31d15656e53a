import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import LabGuideServer

/// Finding 3 of issue 12: slow clients cannot hold connections, on any path, the step pages from memory included.
@Suite("Connection timeouts")
struct ConnectionTimeoutTests {
    static let stepURI = "/labs/cross-service/steps/create-topics"

    static func makeApp() async throws -> some ApplicationProtocol {
        try await TestApp.make {
            $0.headerReadTimeout = .milliseconds(300)
            // Long enough that the test client's own connection, idle between its calls on a busy machine, is not
            // closed under it ("I/O on closed channel"); short enough to wait for.
            $0.idleTimeout = .seconds(5)
        }.0
    }

    @Test func aHalfSentHeadIsClosedAfterTheHeaderReadTimeout() async throws {
        try await Self.makeApp().test(.live) { client in
            let connection = try RawConnection(port: try #require(client.port))
            // Wait first: the header deadline runs from the first byte, not from the connection.
            try await Task.sleep(for: .milliseconds(500))
            let start = ContinuousClock.now
            connection.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            let (_, closed) = try await connection.readUntilClosed(timeout: .seconds(5))
            #expect(closed)
            // Before the idle timeout would have closed it (5 s from the connection, 4.5 s from the first byte): it
            // was the header deadline. The margin is wide because the suites run side by side on two cores (1.77 s
            // was seen for the 300 ms deadline).
            #expect(ContinuousClock.now - start < .milliseconds(4_000))
        }
    }

    @Test func anIdleKeptAliveConnectionIsClosedAfterTheIdleTimeout() async throws {
        try await Self.makeApp().test(.live) { client in
            let connection = try RawConnection(port: try #require(client.port))
            connection.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            #expect(try await connection.read(until: "\"ok\"", timeout: .seconds(5)).hasPrefix("HTTP/1.1 200"))
            let start = ContinuousClock.now
            let (_, closed) = try await connection.readUntilClosed(timeout: .seconds(10))
            #expect(closed)
            #expect(ContinuousClock.now - start >= .milliseconds(4_500))
        }
    }

    @Test func aConnectionServedFromMemoryIsClosedWhenIdleToo() async throws {
        try await Self.makeApp().test(.live) { client in
            let session = try await client.join("Idle")
            let csrf = try await client.execute(uri: Self.stepURI, method: .get, headers: [.cookie: session]) {
                try #require($0.cookie(named: "lg_csrf"))
            }
            let connection = try RawConnection(port: try #require(client.port))
            let request =
                "GET \(Self.stepURI) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n"
                + "Cookie: \(session); \(csrf)\r\n\r\n"
            // The first page records the view through the route; the next ones come from memory.
            for _ in 0..<3 {
                connection.send(request)
                #expect(try await connection.read(until: "</html>", timeout: .seconds(5)).hasPrefix("HTTP/1.1 200"))
            }
            let (_, closed) = try await connection.readUntilClosed(timeout: .seconds(10))
            #expect(closed)
        }
    }

    @Test func deadlinesFollowTheConnection() {
        var deadlines = ConnectionDeadlines(headerReadTimeout: .seconds(1), idleTimeout: .seconds(5))
        #expect(deadlines.opened() == .schedule(.seconds(5)))
        #expect(deadlines.bytesArrived() == .schedule(.seconds(1)))
        #expect(deadlines.bytesArrived() == .none)
        #expect(deadlines.headReceived() == .schedule(.seconds(5)))
        #expect(deadlines.endReceived() == .cancel)
        // A pipelined request arrives while the first is answered: no deadline while responses are owed.
        #expect(deadlines.bytesArrived() == .none)
        #expect(deadlines.headReceived() == .schedule(.seconds(5)))
        #expect(deadlines.endReceived() == .cancel)
        #expect(deadlines.responseEnded() == .none)
        #expect(deadlines.responseEnded() == .schedule(.seconds(5)))
        // Answered from memory: the response is written before the request's end arrives.
        #expect(deadlines.bytesArrived() == .schedule(.seconds(1)))
        #expect(deadlines.headReceived() == .schedule(.seconds(5)))
        #expect(deadlines.responseEnded() == .none)
        #expect(deadlines.endReceived() == .schedule(.seconds(5)))
    }
}
