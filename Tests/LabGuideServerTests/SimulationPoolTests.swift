import BreakerSimulator
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import LabGuideServer

/// Finding 1 of issue 12: simulations run off the request path, in a bounded pool, and stop when their client
/// goes away. Timings belong to `scripts/bench/simulator.sh`; these tests assert behaviour only.
@Suite("Simulation pool")
struct SimulationPoolTests {
    /// The largest run the work limit allows for the preset (3 attempts a request): seconds of CPU in a debug build.
    static let largestRun =
        #"{"preset":"inventory-outage","durationSeconds":3600,"overrides":{"load.requestsPerSecond":185}}"#
    static let smallRun = #"{"preset":"flapping","durationSeconds":1}"#
    static let stepURI = "/labs/cross-service/steps/create-topics"

    static func post(_ body: String) -> String {
        "POST /api/v1/simulations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)"
    }

    /// Posts the small run until the pool refuses it (it is full) or `timeout` passes; the refusal's headers.
    static func waitUntilFull(_ client: some TestClientProtocol, timeout: Duration) async throws -> HTTPFields? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let answer = try await client.execute(
                uri: "/api/v1/simulations", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: smallRun)
            ) { ($0.status, $0.headers) }
            if answer.0 == .serviceUnavailable { return answer.1 }
            try await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }

    /// Sends the largest run on a connection of its own and waits until it holds the pool (no answer yet), sending
    /// it again if it was refused. With no wait allowed, a probe sent right behind it could reach the pool first,
    /// and the run was then refused at once: every probe after it found the pool free.
    static func startLargestRun(port: Int) async throws -> RawConnection {
        for _ in 0..<20 {
            let runner = try RawConnection(port: port)
            runner.send(post(largestRun))
            let answer = try await runner.read(until: "\r\n\r\n", timeout: .milliseconds(300))
            if !answer.hasPrefix("HTTP/1.1 503") { return runner }
        }
        throw POSIXError(.EBUSY)
    }

    /// Posts the small run until the pool takes it again or `timeout` passes.
    static func waitUntilFree(_ client: some TestClientProtocol, timeout: Duration) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let status = try await client.execute(
                uri: "/api/v1/simulations", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: smallRun)
            ) { $0.status }
            if status == .ok { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    @Test func healthAndPagesAnswerWhileThePoolIsFullAndAHangUpStopsTheRun() async throws {
        let (app, _) = try await TestApp.make {
            $0.simulationPool = .init(maximumConcurrentRuns: 1, maximumWait: .zero, retryAfterSeconds: 3)
        }
        try await app.test(.live) { client in
            let session = try await client.join("Pool")
            let port = try #require(client.port)
            let runner = try await Self.startLargestRun(port: port)

            // Full: another run gets 503 with Retry-After at once.
            let refusal = try #require(try await Self.waitUntilFull(client, timeout: .seconds(10)))
            #expect(refusal[.retryAfter] == "3")

            // While the pool is full, health and pages answer.
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: Self.stepURI, method: .get, headers: [.cookie: session]) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/css/app.css", method: .get) { #expect($0.status == .ok) }
            // Still full a second later: the run is long, so what frees the pool below is the hang-up.
            try await Task.sleep(for: .seconds(1))
            #expect(try await Self.waitUntilFull(client, timeout: .milliseconds(200)) != nil)

            runner.hangUp()
            #expect(try await Self.waitUntilFree(client, timeout: .seconds(3)))
        }
    }

    @Test func aCancelledRunStopsAndGivesUpItsPlace() async throws {
        let pool = SimulationPool(configuration: .init(maximumConcurrentRuns: 1, maximumWait: .zero))
        let plan = try Simulator.prepare(
            SimulationRequest(
                preset: "inventory-outage", durationSeconds: 3600, overrides: ["load.requestsPerSecond": .number(185)]))
        let run = Task { try await pool.run(plan) }
        while pool.runsInFlight == 0 { try await Task.sleep(for: .milliseconds(10)) }
        run.cancel()
        #expect(try await run.value == nil)
        #expect(pool.runsInFlight == 0)
    }

    @Test func aPlanStopsAsSoonAsItIsAskedTo() throws {
        let plan = try Simulator.prepare(
            SimulationRequest(preset: "inventory-outage", durationSeconds: 3600), maximumSimulatedCalls: nil)
        #expect(try plan.run(stoppingWhen: { true }) == nil)
    }

    @Test func aRunNeedsTheJSONContentType() async throws {
        try await SimulationAPITests.makeApplication().test(.router) { client in
            try await client.execute(
                uri: "/api/v1/simulations", method: .post, body: ByteBuffer(string: #"{"preset":"flapping"}"#)
            ) { #expect($0.status == .unsupportedMediaType) }
        }
    }

    @Test func aRunTooLargeForTheWorkLimitIsRefusedUpFrontNamingTheLimit() async throws {
        try await SimulationAPITests.makeApplication().test(.router) { client in
            let body = #"{"preset":"inventory-outage","durationSeconds":3600,"overrides":{"load.requestsPerSecond":1388}}"#
            let (status, json) = try await SimulationAPITests.postRun(client, body)
            #expect(status == .badRequest)
            let message = SimulationAPITests.errorMessage(json) ?? ""
            #expect(message.hasPrefix("a run may make at most 2000000 simulated calls"), "got: \(message)")
        }
    }
}
