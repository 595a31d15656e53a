import AWSClient
import Foundation
import LabChecks
import LabContent
import MotoTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The runner around the observers: every catalog name has one, evidence keeps no secret, a dead target ends
/// `error` within the budget, and a step's checks run at the same time.
@Suite("Verify: the check runner", .motoServer(signatureChecking: false))
struct CheckRunnerTests {
    @Test("every check in the catalog has an observer; a missing parameter is the lab's error, not the learner's")
    func everyCheckHasAnObserver() async throws {
        let learner = try VerifyFixtures.makeLearner()
        let checks = CheckCatalog.names.enumerated().map { VerifyFixtures.check($1, [:], index: $0) }
        let results = await CheckRunner(environment: CheckEnvironment(account: learner, isSandbox: true)).run(checks)
        #expect(results.count == 22)
        for (result, name) in zip(results, CheckCatalog.names) {
            #expect(result.check == name)
            #expect(result.observed?.contains("no observer") == false, "\(name)")
            let specification = try #require(CheckCatalog.specification(named: name))
            guard specification.isSupportedByEmulator, let required = specification.parameters.first(where: \.isRequired)
            else { continue }
            #expect(result.status == .error, "\(name)")
            #expect(result.observed?.contains("the lab's '\(name)' check has no '\(required.name)' parameter") == true, "\(name)")
        }
    }

    @Test("results hold no access key, secret, session token or receipt handle, JSON-encoded as the store keeps them")
    func evidenceHoldsNoSecret() async throws {
        let server = try MotoServer.require()
        let credentials = AWSCredentials(
            accessKeyID: "AKIAVERIFYEVIDENCE42", secretAccessKey: "verify+Secret/Key0123456789abcdefghijklmn",
            sessionToken: "VerifySessionToken0123456789")
        let prefix = try VerifyFixtures.makeLearner().prefix
        let learner = try LearnerAccount(
            runtime: try SandboxAccount.makeRuntime(server: server, credentials: credentials), prefix: prefix,
            handle: String(prefix.dropFirst(3).dropLast()), labID: "cross-service", accountID: "123456789012", region: "us-east-1"
        )
        let topicARN = try await SNSClient(runtime: learner.runtime).createTopic(name: prefix + "order-events")
        for name in ["inventory", "notification", "analytics", "order-processing"] {
            let queue = try await VerifyFixtures.makeQueue(name, for: learner)
            try await VerifyFixtures.subscribe(queue.arn, to: topicARN, for: learner, attributes: [:])
            _ = try await SQSClient(runtime: learner.runtime).sendMessage(queueURL: queue.url, body: "learner's own")
        }
        let checks =
            try VerifyFixtures.labChecks(step: "publish-order-event", for: learner)
            + VerifyFixtures.labChecks(step: "subscribe-queues", for: learner)
            + VerifyFixtures.labChecks(step: "breaker-state-table", for: learner)
            + VerifyFixtures.labChecks(step: "cleanup", for: learner)
        let environment = CheckEnvironment(account: learner, isSandbox: true, deliveryWait: .milliseconds(300))
        let results = await CheckRunner(environment: environment, budget: .seconds(60)).run(
            checks.enumerated().map { index, check in
                RenderedCheck(
                    index: index, name: check.name, parameters: check.parameters, summary: check.summary,
                    isSupportedByEmulator: check.isSupportedByEmulator)
            })
        #expect(results.contains { !$0.calls.isEmpty })
        #expect(results.contains { $0.calls.contains { $0.call == "SQS ReceiveMessage" } })
        let text = String(decoding: try JSONEncoder().encode(results), as: UTF8.self)
        for secret in [credentials.accessKeyID, credentials.secretAccessKey, "VerifySessionToken0123456789", "ReceiptHandle"] {
            #expect(!text.contains(secret), "\(secret)")
        }
    }

    /// A learner whose endpoint is `port` on loopback.
    func learner(at port: Int) throws -> LearnerAccount {
        try VerifyFixtures.makeLearner(port: port, prefix: "lg-dead-0000-")
    }

    @Test("a closed port ends error in one line within the budget, never failed")
    func closedPort() async throws {
        let account = try learner(at: try FreePort.make())
        let runner = CheckRunner(environment: CheckEnvironment(account: account, isSandbox: true), budget: .seconds(4))
        let check = VerifyFixtures.check("sqs.queue", ["queue": .text("lg-dead-0000-orders")])
        let started = ContinuousClock.now
        let result = await runner.run(check)
        #expect(started.duration(to: .now) < .seconds(8))
        #expect(result.status == .error)
        let observed = try #require(result.observed)
        #expect(!observed.contains("\n"))
        #expect(observed.hasPrefix("The sandbox"), "\(observed)")
        #expect(result.calls.allSatisfy { $0.status == nil })
    }

    @Test("an endpoint that accepts but never answers ends error when the budget runs out")
    func deadEndpoint() async throws {
        let port = try FreePort.make()
        let silent = Process()
        silent.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        silent.arguments = [
            "python3", "-c",
            "import socket,sys,time\ns=socket.socket()\ns.bind(('127.0.0.1',\(port)))\ns.listen(64)\nprint('up',flush=True)\ntime.sleep(60)",
        ]
        let output = Pipe()
        silent.standardOutput = output
        try silent.run()
        defer {
            kill(silent.processIdentifier, SIGKILL)
            silent.waitUntilExit()
        }
        _ = output.fileHandleForReading.availableData  // blocks until it listens
        let runner = CheckRunner(
            environment: CheckEnvironment(account: try learner(at: port), isSandbox: true), budget: .seconds(2))
        let started = ContinuousClock.now
        let result = await runner.run(VerifyFixtures.check("sns.topic", ["topic": .text("lg-dead-0000-order-events")]))
        #expect(started.duration(to: .now) < .seconds(6))
        #expect(result.status == .error)
        #expect(result.observed == "The sandbox did not answer within 2 s: try again.")
    }

    @Test("a step's checks run concurrently: the step takes less than its checks added up")
    func concurrent() async throws {
        let learner = try VerifyFixtures.makeLearner()
        _ = try await SNSClient(runtime: learner.runtime).createTopic(name: learner.prefix + "order-events")
        for name in ["inventory", "notification", "analytics", "order-processing"] {
            _ = try await VerifyFixtures.makeQueue(name, for: learner)
        }
        // Nothing is subscribed, so each fan-out check waits out its whole delivery wait.
        let checks = try VerifyFixtures.labChecks(step: "publish-order-event", for: learner)
        let environment = CheckEnvironment(account: learner, isSandbox: true, deliveryWait: .seconds(1))
        let started = ContinuousClock.now
        let results = await CheckRunner(environment: environment, budget: .seconds(30)).run(checks)
        let total = started.duration(to: .now)
        #expect(results.map(\.status) == [.failed, .failed])
        let sum = results.map(\.durationMs).reduce(0, +)
        #expect(results.allSatisfy { $0.durationMs >= 900 })
        #expect(total < .milliseconds(sum), "total \(total), checks \(results.map(\.durationMs))")
    }
}
