import AWSClient
import Foundation
import MotoTestSupport
import Testing

/// With every log line captured at trace level, no secret key, session token or Authorization value appears in a log
/// line or an error message, through successes, retries and failures.
@Suite("Secrets never reach logs or errors", .serialized, .stubServer)
struct SecretRedactionTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYREDACTME"
    static let token = "IQoJb3JpZ2luX2VjEREDACTTOKEN"

    @Test("logs and errors stay free of credentials")
    func noSecretsInLogs() async throws {
        let server = try StubServer.require()
        let logs = CapturedLogs()
        var configuration = try AWSConfiguration.resolve(
            environment: SandboxAccount.makeEnvironment(endpoint: server.endpoint))
        configuration.requestTimeout = .seconds(10)
        let credentials = AWSCredentials(accessKeyID: "AKIDREDACT", secretAccessKey: Self.secret, sessionToken: Self.token)
        let runtime = try AWSRuntime(
            configuration: configuration, credentialProvider: StaticCredentialProvider(credentials),
            logger: logs.makeLogger(), clock: AnyDurationClock(BackoffRecordingClock()))
        try await server.script([
            .respond(503),
            .respond(
                403,
                body: "<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code><Message>bad</Message></Error></ErrorResponse>"),
            .respond(200, body: #"{"QueueUrl":"q"}"#),
        ])
        let error = try await #require(throws: AWSError.self) { try await STSClient(runtime: runtime).getCallerIdentity() }
        _ = try await SQSClient(runtime: runtime).getQueueURL(name: "q")

        let requests = try await server.receivedRequests()
        let authorizations = requests.compactMap { $0.headers["authorization"] }
        #expect(!authorizations.isEmpty)
        #expect(requests.allSatisfy { $0.headers["x-amz-security-token"] == Self.token })
        let signatures = authorizations.compactMap { $0.components(separatedBy: "Signature=").last }

        let texts = logs.all + [error.description, "\(error)", String(describing: credentials), "\(credentials)"]
        #expect(logs.all.count > 3)
        for text in texts {
            #expect(!text.contains(Self.secret))
            #expect(!text.contains(Self.token))
            for signature in signatures { #expect(!text.contains(signature)) }
        }
        #expect(error.code == "SignatureDoesNotMatch")
    }
}
