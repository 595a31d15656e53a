import AWSClient
import Foundation
import MotoTestSupport
import Resilience
import Testing

/// Standard-mode retries, the retry quota, timeouts and the per-endpoint breakers, against a loopback server that
/// injects throttling, 5xx answers, resets and slow answers. Backoff pauses are recorded by the clock, not slept.
@Suite("Retries, timeouts and breakers (loopback fault injection)", .serialized, .stubServer)
struct RetryAndTimeoutTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYSECRET"
    static let sessionToken = "FQoGZXIvYXdzEJr//////////wEaDSESSIONTOKEN"

    /// Half of `UInt64.max`: full jitter then waits half of each ceiling.
    static let halfGenerator = ConstantRandomNumberGenerator(value: UInt64.max / 2)

    func makeRuntime(
        extraEnvironment: [String: String] = [:], clock: BackoffRecordingClock = BackoffRecordingClock(),
        retry: Retry<AnyDurationClock>? = nil, breakers: EndpointBreakers? = nil, logs: CapturedLogs = CapturedLogs()
    ) throws -> AWSRuntime {
        let server = try StubServer.require()
        var configuration = try AWSConfiguration.resolve(
            environment: SandboxAccount.makeEnvironment(endpoint: server.endpoint, extra: extraEnvironment))
        configuration.requestTimeout = .seconds(10)
        return try AWSRuntime(
            configuration: configuration,
            credentialProvider: StaticCredentialProvider(
                AWSCredentials(accessKeyID: "AKIDRETRYTEST", secretAccessKey: Self.secret, sessionToken: Self.sessionToken)),
            retry: retry, breakers: breakers, logger: logs.makeLogger(), clock: AnyDurationClock(clock),
            generator: Self.halfGenerator)
    }

    static let throttled = StubServer.Response.respond(
        400, headers: ["Content-Type": "application/x-amz-json-1.0"],
        body: #"{"__type":"com.amazonaws.sqs#ThrottlingException","message":"Rate exceeded"}"#)
    static let unavailable = StubServer.Response.respond(503, body: "")
    static let queueURL = StubServer.Response.respond(
        200, headers: ["Content-Type": "application/x-amz-json-1.0"], body: #"{"QueueUrl":"http://q/1"}"#)

    @Test("throttling and 503 are retried with full-jitter backoff that doubles, then the call succeeds")
    func retriesThenSucceeds() async throws {
        let server = try StubServer.require()
        try await server.script([Self.throttled, Self.unavailable, Self.queueURL])
        let clock = BackoffRecordingClock()
        let runtime = try makeRuntime(clock: clock)
        #expect(try await SQSClient(runtime: runtime).getQueueURL(name: "q") == "http://q/1")
        #expect(try await server.receivedRequests().count == 3)
        let pauses = clock.sleeps.map { Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18 }
        #expect(pauses.count == 2)
        #expect(abs(pauses[0] - 0.5) < 0.01)
        #expect(abs(pauses[1] - 1.0) < 0.01)
        // The retries took 5 tokens each; the success refunds the last retry's cost.
        #expect(runtime.retry.budgetTokens == 500 - 10 + 5)
    }

    @Test("three attempts in total, then the last error comes back typed")
    func attemptsExhausted() async throws {
        let server = try StubServer.require()
        try await server.script([Self.unavailable, Self.unavailable, Self.unavailable, Self.queueURL])
        let error = try await #require(throws: AWSError.self) {
            try await SQSClient(runtime: makeRuntime()).getQueueURL(name: "q")
        }
        #expect(error.statusCode == 503)
        #expect(error.isRetryable)
        #expect(try await server.receivedRequests().count == 3)
    }

    @Test("AWS_MAX_ATTEMPTS changes the attempt count; a client error is never retried")
    func maxAttemptsAndClientErrors() async throws {
        let server = try StubServer.require()
        try await server.script(Array(repeating: Self.unavailable, count: 5))
        await #expect(throws: AWSError.self) {
            try await SQSClient(runtime: makeRuntime(extraEnvironment: ["AWS_MAX_ATTEMPTS": "5"])).getQueueURL(name: "q")
        }
        #expect(try await server.receivedRequests().count == 5)

        try await server.script([
            .respond(400, body: #"{"__type":"com.amazonaws.sqs#QueueDoesNotExist","message":"no"}"#), Self.queueURL,
        ])
        let error = try await #require(throws: AWSError.self) {
            try await SQSClient(runtime: makeRuntime()).getQueueURL(name: "q")
        }
        #expect(error.code == "QueueDoesNotExist")
        #expect(!error.isRetryable && !error.isThrottling)
        #expect(try await server.receivedRequests().count == 1)
    }

    @Test("an empty retry quota stops retries but first attempts still go out")
    func quotaExhausted() async throws {
        let server = try StubServer.require()
        let clock = BackoffRecordingClock()
        let retry = AWSRetryStrategy.makeRetry(maxAttempts: 3, clock: AnyDurationClock(clock), generator: Self.halfGenerator)
        // A breaker that never trips, so that every call reaches the quota.
        let breakers = EndpointBreakers(
            configuration: CircuitBreakerConfiguration(minimumNumberOfCalls: 1_000_000, slidingWindow: .timeBased(seconds: 1)),
            clock: AnyDurationClock(clock))
        let runtime = try makeRuntime(clock: clock, retry: retry, breakers: breakers)
        // Drain the 500-token quota: 100 retries of 5 tokens, each call failing twice.
        try await server.script([.respond(503, repeats: true)])
        for _ in 0..<50 {
            await #expect(throws: AWSError.self) { try await SQSClient(runtime: runtime).getQueueURL(name: "q") }
        }
        #expect(retry.budgetTokens == 0)
        try await server.script([Self.unavailable, Self.queueURL])
        await #expect(throws: AWSError.self) { try await SQSClient(runtime: runtime).getQueueURL(name: "q") }
        #expect(try await server.receivedRequests().count == 1)
    }

    @Test("a connection reset is a retryable transport error")
    func connectionReset() async throws {
        let server = try StubServer.require()
        try await server.script([.reset(), Self.queueURL])
        #expect(try await SQSClient(runtime: makeRuntime()).getQueueURL(name: "q") == "http://q/1")
        try await server.script([.reset(), .reset(), .reset()])
        let error = try await #require(throws: AWSError.self) {
            try await SQSClient(runtime: makeRuntime()).getQueueURL(name: "q")
        }
        #expect(error.kind == .transport)
        #expect(error.isRetryable)
    }
}
