public import AWSClient
public import Foundation
public import Logging
import Synchronization

/// Builds runtimes against a test's moto. With signature checking on, the first `setupCallCount` calls are free:
/// they create an IAM user with an allow-all policy and an access key, and every later call is signed with that key
/// and verified by moto.
public enum SandboxAccount {
    /// CreateUser, CreatePolicy, AttachUserPolicy, CreateAccessKey.
    public static let setupCallCount = 4

    public static let bootstrapCredentials = AWSCredentials(accessKeyID: "AKIABOOTSTRAP000000", secretAccessKey: "bootstrap")

    /// An environment that reaches nothing but the given endpoint: no shared files, no instance metadata.
    public static func makeEnvironment(endpoint: URL, extra: [String: String] = [:]) -> AWSEnvironment {
        var values = [
            "AWS_ENDPOINT_URL": endpoint.absoluteString,
            "AWS_REGION": "us-east-1",
            "AWS_EC2_METADATA_DISABLED": "true",
            "HOME": "/nonexistent-labguide-test-home",
        ]
        for (key, value) in extra { values[key] = value }
        return AWSEnvironment(values)
    }

    public static func makeRuntime(
        server: MotoServer, credentials: AWSCredentials, logger: Logger = Logger(label: "test.aws")
    ) throws -> AWSRuntime {
        let configuration = try AWSConfiguration.resolve(environment: makeEnvironment(endpoint: server.endpoint))
        return try AWSRuntime(
            configuration: configuration, credentialProvider: StaticCredentialProvider(credentials), logger: logger)
    }

    /// A runtime whose key moto knows: on a signature-checking server the setup calls create it; without checking,
    /// any key works.
    public static func makeSignedRuntime(server: MotoServer, logger: Logger = Logger(label: "test.aws")) async throws
        -> AWSRuntime
    {
        guard server.unauthenticatedCallCount != nil else {
            return try makeRuntime(server: server, credentials: bootstrapCredentials, logger: logger)
        }
        if let key = server.sandboxCredentials.withLock({ $0 }) {
            return try makeRuntime(server: server, credentials: key, logger: logger)
        }
        let bootstrap = try makeRuntime(server: server, credentials: bootstrapCredentials)
        let iam = IAMClient(runtime: bootstrap)
        let userName = "labguide-test"
        _ = try await iam.createUser(name: userName)
        let policy = try await iam.createPolicy(
            name: "labguide-test-allow-all",
            policyDocument: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#)
        try await iam.attachUserPolicy(userName: userName, policyARN: policy)
        let key = try await iam.createAccessKey(userName: userName)
        server.sandboxCredentials.withLock { $0 = key }
        return try makeRuntime(server: server, credentials: key, logger: logger)
    }
}
