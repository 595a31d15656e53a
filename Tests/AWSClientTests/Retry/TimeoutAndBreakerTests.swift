import AWSClient
import Foundation
import MotoTestSupport
import Resilience
import Testing

/// The request timeout runs on an injected `ManualClock`: the test moves time past the limit instead of waiting.
@Suite("Request timeout and per-endpoint breakers", .serialized, .stubServer)
struct TimeoutAndBreakerTests {
    func makeRuntime(clock: ManualClock, endpoint: URL? = nil, breakers: EndpointBreakers? = nil, maxAttempts: String = "1")
        throws -> AWSRuntime
    {
        let server = try StubServer.require()
        var configuration = try AWSConfiguration.resolve(
            environment: SandboxAccount.makeEnvironment(
                endpoint: endpoint ?? server.endpoint, extra: ["AWS_MAX_ATTEMPTS": maxAttempts]))
        configuration.requestTimeout = .seconds(10)
        return try AWSRuntime(
            configuration: configuration,
            credentialProvider: StaticCredentialProvider(AWSCredentials(accessKeyID: "AKIDTIMEOUT", secretAccessKey: "s")),
            breakers: breakers, clock: AnyDurationClock(clock))
    }

    @Test("a slow answer times out when the clock passes the request timeout")
    func slowAnswerTimesOut() async throws {
        let server = try StubServer.require()
        try await server.script([.hang(seconds: 2)])
        let clock = ManualClock()
        let runtime = try makeRuntime(clock: clock)
        let call = Task { try await SQSClient(runtime: runtime).getQueueURL(name: "q") }
        await clock.waitForSleepers(count: 1)
        clock.advance(by: .seconds(9))
        #expect(clock.numberOfSleepers == 1)
        clock.advance(by: .seconds(1))
        let error = try await #require(throws: AWSError.self) { try await call.value }
        #expect(error.kind == .timeout)
        #expect(error.code == "RequestTimeout")
        #expect(error.isRetryable)
        #expect(error.description.contains("10 s"))
    }

    @Test("defaults: connect 3 s, request 10 s, both configurable")
    func timeoutDefaults() throws {
        var configuration = try AWSConfiguration.resolve(environment: AWSEnvironment(["HOME": "/nonexistent"]))
        #expect(configuration.connectTimeout == .seconds(3))
        #expect(configuration.requestTimeout == .seconds(10))
        configuration.connectTimeout = .seconds(1)
        configuration.requestTimeout = .seconds(2)
        #expect(configuration.connectTimeout == .seconds(1) && configuration.requestTimeout == .seconds(2))
    }

    @Test("failing calls open the endpoint's breaker; the rejection is typed and says when to retry")
    func breakerOpensPerEndpoint() async throws {
        let server = try StubServer.require()
        try await server.script([.respond(503, repeats: true)])
        let clock = ManualClock()
        let configuration = CircuitBreakerConfiguration(
            failureRateThreshold: 50, minimumNumberOfCalls: 2, slidingWindow: .countBased(size: 4),
            waitDurationInOpenState: .seconds(12), permittedNumberOfCallsInHalfOpenState: 1)
        let breakers = EndpointBreakers(configuration: configuration, clock: AnyDurationClock(clock))
        let runtime = try makeRuntime(clock: clock, breakers: breakers)
        for _ in 0..<2 {
            await #expect(throws: AWSError.self) { try await SQSClient(runtime: runtime).getQueueURL(name: "q") }
        }
        let rejected = try await #require(throws: AWSError.self) {
            try await SQSClient(runtime: runtime).getQueueURL(name: "q")
        }
        #expect(rejected.kind == .circuitOpen)
        #expect(rejected.description.hasPrefix("AWS SQS endpoint unavailable (circuit open); next try in 12 s (http://"))
        #expect(try await server.receivedRequests().count == 2)

        let snapshots = breakers.snapshots()
        #expect(snapshots.map(\.key.service) == ["SQS"])
        #expect(snapshots.first?.breaker.state == .open)
        #expect(snapshots.first?.key.endpoint == server.endpoint.absoluteString)

        // Another service on the same endpoint has its own breaker and still gets through.
        try await server.script([
            .respond(
                200,
                body:
                    "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>a</Arn><Account>1</Account></GetCallerIdentityResult></GetCallerIdentityResponse>"
            )
        ])
        #expect(try await STSClient(runtime: runtime).getCallerIdentity().account == "1")

        // After the open wait, one probe goes through and its success closes the breaker.
        clock.advance(by: .seconds(12))
        try await server.script([.respond(200, body: #"{"QueueUrl":"http://q/2"}"#)])
        #expect(try await SQSClient(runtime: runtime).getQueueURL(name: "q") == "http://q/2")
        #expect(breakers.snapshots().first { $0.key.service == "SQS" }?.breaker.state == .closed)
    }
}
