import AWSClient
import Foundation
import LabSandbox
import Logging
import ServiceLifecycle
import Testing

/// A real sandbox (moto behind the proxy) in a folder, run for the length of a closure.
enum RunningSandbox {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func run(in directory: URL, port: Int? = nil, _ body: (Sandbox) async throws -> Void) async throws {
        guard let moto = SandboxSettings.locate("moto_server") else {
            throw Failure(description: "moto_server is missing: pip install 'moto[server]' (make test does)")
        }
        let settings = SandboxSettings(
            directory: directory, bindHost: "127.0.0.1", port: try port ?? LoopbackPort.makeFree(), motoExecutable: moto)
        var logger = Logger(label: "sandbox-test")
        logger.logLevel = .warning
        let sandbox = try Sandbox(settings: settings, logger: logger)
        let group = ServiceGroup(services: sandbox.makeServices(logger: logger), logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            defer { tasks.cancelAll() }
            guard await sandbox.status.readyEndpoint(within: .seconds(60)) != nil else {
                throw Failure(description: "the sandbox did not become ready: \(sandbox.status.snapshot.summary)")
            }
            try await body(sandbox)
            await group.triggerGracefulShutdown()
            try await tasks.next()
        }
    }

    /// An AWS client runtime as a learner's job uses it: the sandbox endpoint and that learner's keys.
    static func runtime(_ sandbox: Sandbox, learnerID: Int64, region: String = "us-east-1") throws -> AWSRuntime {
        let identity = sandbox.identity(forLearnerID: learnerID)
        return try runtime(
            sandbox, credentials: AWSCredentials(accessKeyID: identity.accessKeyID, secretAccessKey: identity.secretAccessKey),
            region: region)
    }

    static func runtime(_ sandbox: Sandbox, credentials: AWSCredentials, region: String = "us-east-1") throws -> AWSRuntime {
        var configuration = try AWSConfiguration.resolve(environment: AWSEnvironment([:]), region: region)
        configuration.globalEndpointOverride = sandbox.settings.publicEndpoint
        configuration.maxAttempts = 1
        return try AWSRuntime(
            configuration: configuration, credentialProvider: StaticCredentialProvider(credentials), region: region)
    }

    static func makeFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labguide-sandbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
