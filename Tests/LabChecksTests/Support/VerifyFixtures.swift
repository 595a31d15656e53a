import AWSClient
import Foundation
import LabChecks
import LabContent
import MotoTestSupport

/// Checks as a step would declare them, run through the public `CheckRunner` against the suite's moto.
enum VerifyFixtures {
    /// A learner of their own per test, so that tests sharing one moto never see each other's resources.
    static func makeLearner() throws -> LearnerAccount {
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        let stem = "t" + String((0..<6).map { _ in letters.randomElement()! })
        let suffix = String((0..<4).map { _ in letters.randomElement()! })
        return try TestAccounts.make(prefix: "lg-\(stem)-\(suffix)-", handle: "\(stem)-\(suffix)")
    }

    static func check(_ name: String, _ parameters: [String: PlannedResource.Value], index: Int = 0) -> RenderedCheck {
        RenderedCheck(
            index: index, name: name, parameters: parameters, summary: "\(name) as declared",
            isSupportedByEmulator: CheckCatalog.isSupportedByEmulator(name))
    }

    static func run(
        _ check: RenderedCheck, as account: LearnerAccount, isSandbox: Bool = true, deliveryWait: Duration = .seconds(2)
    ) async -> CheckResult {
        let environment = CheckEnvironment(account: account, isSandbox: isSandbox, deliveryWait: deliveryWait)
        // moto loads a service's backend on its first call, which can take seconds on a busy machine; the budget
        // itself is tested in CheckRunnerTests.
        return await CheckRunner(environment: environment, budget: .seconds(60)).run(check)
    }

    /// An SQS queue of the learner's, with its URL and ARN.
    static func makeQueue(_ name: String, for account: LearnerAccount, attributes: [String: String] = [:]) async throws
        -> (url: String, arn: String)
    {
        let sqs = SQSClient(runtime: account.runtime)
        let url = try await sqs.createQueue(name: account.prefix + name, attributes: attributes)
        let arn = try await sqs.getQueueAttributes(url: url, names: ["QueueArn"])["QueueArn"] ?? ""
        return (url, arn)
    }

    /// Subscribes a queue to a topic with the given subscription attributes; returns the subscription ARN.
    @discardableResult
    static func subscribe(_ queueARN: String, to topicARN: String, for account: LearnerAccount, attributes: [String: String])
        async throws -> String
    {
        try await SNSClient(runtime: account.runtime).subscribe(
            topicARN: topicARN, protocolName: "sqs", endpoint: queueARN, attributes: attributes)
    }
}

extension VerifyFixtures {
    /// A step's checks from the repository's cross-service lab, rendered for `account`.
    static func labChecks(step id: String, for account: LearnerAccount) throws -> [RenderedCheck] {
        let lab = try TestAccounts.crossServiceLab()
        guard let step = lab.step(id: id) else { throw CocoaError(.fileNoSuchFile) }
        let variables = lab.variables(
            prefix: account.prefix, handle: account.handle, region: account.region, accountId: account.accountID)
        return CheckPlan.make(for: step, variables: variables)
    }
}

extension VerifyFixtures {
    /// A learner whose runtime talks to `port` on loopback instead of the suite's moto.
    static func makeLearner(port: Int, prefix: String) throws -> LearnerAccount {
        let configuration = try AWSConfiguration.resolve(
            environment: SandboxAccount.makeEnvironment(endpoint: URL(string: "http://127.0.0.1:\(port)")!))
        let runtime = try AWSRuntime(
            configuration: configuration, credentialProvider: StaticCredentialProvider(SandboxAccount.bootstrapCredentials))
        return try LearnerAccount(
            runtime: runtime, prefix: prefix, handle: String(prefix.dropFirst(3).dropLast()), labID: "cross-service",
            accountID: "123456789012", region: "us-east-1")
    }
}
