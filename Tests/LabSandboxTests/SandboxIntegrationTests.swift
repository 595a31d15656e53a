import AWSClient
import Foundation
import LabSandbox
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The sandbox against a real moto: one account per learner, refusal of foreign keys, and nothing lost on restarts.
@Suite("Sandbox against moto", .serialized)
struct SandboxIntegrationTests {
    @Test("Each learner works in an account of their own; queue URLs point at the sandbox")
    func learnersAreIsolated() async throws {
        try await RunningSandbox.run(in: try RunningSandbox.makeFolder()) { sandbox in
            let ana = SQSClient(runtime: try RunningSandbox.runtime(sandbox, learnerID: 1))
            let bo = SQSClient(runtime: try RunningSandbox.runtime(sandbox, learnerID: 2))
            let url = try await ana.createQueue(name: "lg-ana-orders")
            #expect(url == "\(sandbox.settings.publicEndpoint.absoluteString)/200000000001/lg-ana-orders")
            #expect(try await bo.listQueues().collect().isEmpty)
            #expect(try await ana.listQueues().collect() == [url])
            let identity = try await STSClient(runtime: try RunningSandbox.runtime(sandbox, learnerID: 2))
                .getCallerIdentity()
            #expect(identity.account == "200000000002")
        }
    }

    @Test("A key the sandbox did not issue is refused, so nothing lands in moto's shared default account")
    func foreignKeysAreRefused() async throws {
        try await RunningSandbox.run(in: try RunningSandbox.makeFolder()) { sandbox in
            let stranger = try RunningSandbox.runtime(
                sandbox, credentials: AWSCredentials(accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "x"))
            let error = try await #require(throws: AWSError.self) {
                try await SQSClient(runtime: stranger).createQueue(name: "lg-stranger")
            }
            #expect(error.statusCode == 403)
            #expect(error.code == "InvalidClientTokenId")
            #expect(error.message.contains("sandbox panel"))
        }
    }

    @Test("After a restart every resource is back, under the ids the learner already has")
    func restartKeepsResourcesAndIDs() async throws {
        let folder = try RunningSandbox.makeFolder()
        let port = try LoopbackPort.makeFree()
        var namespaceID = ""
        var subscriptionARN = ""
        try await RunningSandbox.run(in: folder, port: port) { sandbox in
            let runtime = try RunningSandbox.runtime(sandbox, learnerID: 3)
            let cloudMap = CloudMapClient(runtime: runtime)
            _ = try await cloudMap.createHTTPNamespace(name: "lg-cy-local")
            namespaceID = try #require(try await cloudMap.listNamespaces().collect().first { $0.Name == "lg-cy-local" }).Id
            _ = try await cloudMap.createService(name: "inventory", namespaceID: namespaceID)
            let sns = SNSClient(runtime: runtime)
            let topic = try await sns.createTopic(name: "lg-cy-orders")
            let queue = try await SQSClient(runtime: runtime).createQueue(name: "lg-cy-inventory")
            _ = queue
            subscriptionARN = try await sns.subscribe(
                topicARN: topic, protocolName: "sqs", endpoint: "arn:aws:sqs:us-east-1:200000000003:lg-cy-inventory")
            try await sns.setSubscriptionAttribute(
                subscriptionARN: subscriptionARN, name: "FilterPolicy", value: #"{"eventType":["OrderCreated"]}"#)
        }
        try await RunningSandbox.run(in: folder, port: port) { sandbox in
            let runtime = try RunningSandbox.runtime(sandbox, learnerID: 3)
            let cloudMap = CloudMapClient(runtime: runtime)
            #expect(try await cloudMap.getNamespace(id: namespaceID).Name == "lg-cy-local")
            let services = try await cloudMap.listServices().collect()
            #expect(services.map(\.Name) == ["inventory"])
            let attributes = try await SNSClient(runtime: runtime).getSubscriptionAttributes(subscriptionARN: subscriptionARN)
            #expect(attributes["FilterPolicy"] == #"{"eventType":["OrderCreated"]}"#)
            #expect(attributes["SubscriptionArn"] == subscriptionARN)
            // The panel lists what moto renumbered, so the learner is never surprised by its logs.
            #expect(!sandbox.changedIdentifiers(forLearnerID: 3).isEmpty)
            // Another learner still sees nothing of it.
            #expect(
                try await CloudMapClient(runtime: try RunningSandbox.runtime(sandbox, learnerID: 4)).listServices().collect()
                    .isEmpty)
        }
    }

    @Test("When moto dies, the supervisor starts it again and restores every account")
    func emulatorCrashIsRepaired() async throws {
        try await RunningSandbox.run(in: try RunningSandbox.makeFolder()) { sandbox in
            let sqs = SQSClient(runtime: try RunningSandbox.runtime(sandbox, learnerID: 5))
            let url = try await sqs.createQueue(name: "lg-dee-orders")
            let pidText = try String(contentsOf: sandbox.settings.directory.appendingPathComponent("moto.pid"), encoding: .utf8)
            let pid = try #require(Int32(pidText))
            kill(pid, SIGKILL)
            // The next call waits for the restart instead of failing.
            #expect(try await sqs.listQueues().collect() == [url])
            #expect(sandbox.status.snapshot.restarts == 1)
            #expect(sandbox.status.snapshot.state == .ready)
        }
    }
}
