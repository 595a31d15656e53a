import AWSClient
import LabChecks
import MotoTestSupport
import Testing

/// `messaging.fan-out` against moto, which really delivers from SNS to SQS with filter policies: the probe reaches
/// the subscribed queues in raw and enveloped form, is caught where it should not arrive, and leaves nothing behind
/// but the learner's own messages.
@Suite("Verify: the fan-out probe", .motoServer(signatureChecking: false))
struct FanOutProbeTests {
    /// A topic with three queues: inventory (OrderCreated only, raw), notification (everything, SNS envelope) and
    /// order-processing (StockReserved only).
    func makeLab(_ learner: LearnerAccount) async throws -> (topic: String, queues: [String: String]) {
        let topic = learner.prefix + "order-events"
        let topicARN = try await SNSClient(runtime: learner.runtime).createTopic(name: topic)
        let subscriptions = [
            ("inventory", ["FilterPolicy": #"{"eventType": ["OrderCreated"]}"#, "RawMessageDelivery": "true"]),
            ("notification", [:]),
            ("order-processing", ["FilterPolicy": #"{"eventType": ["StockReserved"]}"#, "RawMessageDelivery": "true"]),
        ]
        var urls: [String: String] = [:]
        for (name, attributes) in subscriptions {
            let queue = try await VerifyFixtures.makeQueue(name, for: learner)
            try await VerifyFixtures.subscribe(queue.arn, to: topicARN, for: learner, attributes: attributes)
            urls[name] = queue.url
        }
        return (topic, urls)
    }

    func fanOut(_ learner: LearnerAccount, topic: String, eventType: String, to delivered: [String], not other: [String])
        -> RenderedCheck
    {
        VerifyFixtures.check(
            "messaging.fan-out",
            [
                "topic": .text(topic), "eventType": .text(eventType), "deliveredTo": .list(delivered.map { learner.prefix + $0 }),
                "notDeliveredTo": .list(other.map { learner.prefix + $0 }),
            ])
    }

    /// Every message in the queue, visible or not, by the queue's own counters.
    func messageCount(_ url: String, _ learner: LearnerAccount) async throws -> Int {
        let names = [
            "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed",
        ]
        let attributes = try await SQSClient(runtime: learner.runtime).getQueueAttributes(url: url, names: names)
        return names.compactMap { attributes[$0].flatMap(Int.init) }.reduce(0, +)
    }

    @Test("the probe reaches the subscribed queues raw and enveloped, not the filtered one, and leaves no message")
    func passes() async throws {
        let learner = try VerifyFixtures.makeLearner()
        let (topic, urls) = try await makeLab(learner)
        let check = fanOut(
            learner, topic: topic, eventType: "OrderCreated", to: ["inventory", "notification"], not: ["order-processing"])
        let result = await VerifyFixtures.run(check, as: learner)
        #expect(result.status == .passed, "\(result.observed ?? "")")
        #expect(
            result.observed
                == "the OrderCreated probe from topic \(topic) reached \(learner.prefix)inventory and \(learner.prefix)notification, "
                + "and not \(learner.prefix)order-processing")
        #expect(result.facts[learner.prefix + "inventory"] == "raw")
        #expect(result.facts[learner.prefix + "notification"] == "SNS envelope")
        #expect(result.facts[learner.prefix + "order-processing"] == "not delivered")
        #expect(result.facts["probeId"]?.hasPrefix("labguide-probe-") == true)
        #expect(result.calls.filter { $0.call == "SNS Publish" }.count == 1)
        for (name, url) in urls { #expect(try await messageCount(url, learner) == 0, "\(name)") }

        // Idempotent: a second run publishes a new probe and ends the same way.
        #expect(await VerifyFixtures.run(check, as: learner).status == .passed)
    }

    @Test("a missed queue and a queue the filter should have spared both fail, and the stray probe is deleted")
    func fails() async throws {
        let learner = try VerifyFixtures.makeLearner()
        let (topic, urls) = try await makeLab(learner)
        let check = fanOut(learner, topic: topic, eventType: "OrderShipped", to: ["inventory"], not: ["notification"])
        let result = await VerifyFixtures.run(check, as: learner, deliveryWait: .milliseconds(500))
        #expect(result.status == .failed)
        #expect(
            result.expected
                == "the OrderShipped probe from topic \(topic) in \(learner.prefix)inventory, and not in \(learner.prefix)notification"
        )
        #expect(
            result.observed
                == "the probe reached none of \(learner.prefix)inventory within 0.5 s; "
                + "it also reached \(learner.prefix)notification, which should not get OrderShipped")
        #expect(result.hint?.contains("filter policy lets OrderShipped through") == true)
        #expect(result.facts[learner.prefix + "notification"] == "delivered")
        for (name, url) in urls { #expect(try await messageCount(url, learner) == 0, "\(name)") }
    }

    @Test("the learner's own messages are handed back at once and stay receivable")
    func leavesLearnerMessages() async throws {
        let learner = try VerifyFixtures.makeLearner()
        let (topic, urls) = try await makeLab(learner)
        let sqs = SQSClient(runtime: learner.runtime)
        let inventory = try #require(urls["inventory"])
        let notification = try #require(urls["notification"])
        let own = try await sqs.sendMessage(queueURL: inventory, body: #"{"eventType": "OrderCreated", "orderId": "o-1"}"#)
        let spared = try await sqs.sendMessage(queueURL: notification, body: "a message of the learner's")
        let check = fanOut(learner, topic: topic, eventType: "OrderCreated", to: ["inventory", "notification"], not: [])
        let result = await VerifyFixtures.run(check, as: learner)
        #expect(result.status == .passed, "\(result.observed ?? "")")
        #expect(result.calls.contains { $0.call == "SQS ChangeMessageVisibility" })

        let afterInventory = try await sqs.receiveMessages(queueURL: inventory, maxMessages: 10, waitSeconds: 0)
        #expect(afterInventory.map(\.MessageId) == [own])
        #expect(afterInventory.first?.Body.contains("o-1") == true)
        let afterNotification = try await sqs.receiveMessages(queueURL: notification, maxMessages: 10, waitSeconds: 0)
        #expect(afterNotification.map(\.Body) == ["a message of the learner's"])
        #expect(afterNotification.map(\.MessageId) == [spared])
    }

    @Test("the lab's two fan-out checks run at once on shared queues, each hands the other's probe back, both pass")
    func labStep() async throws {
        let learner = try VerifyFixtures.makeLearner()
        let sns = SNSClient(runtime: learner.runtime)
        let orderTopic = try await sns.createTopic(name: learner.prefix + "order-events")
        let inventoryTopic = try await sns.createTopic(name: learner.prefix + "inventory-events")
        let subscriptions: [(String, String, [String]?)] = [
            ("inventory", orderTopic, ["OrderCreated", "OrderCancelled"]),
            ("notification", orderTopic, ["OrderCreated", "OrderShipped"]), ("analytics", orderTopic, nil),
            ("order-processing", inventoryTopic, ["StockReserved", "StockUnavailable"]),
        ]
        var urls: [String] = []
        for (name, topic, eventTypes) in subscriptions {
            let queue = try await VerifyFixtures.makeQueue(name, for: learner)
            var attributes = ["RawMessageDelivery": "true"]
            if let eventTypes {
                let quoted = eventTypes.map { "\"\($0)\"" }.joined(separator: ", ")
                attributes["FilterPolicy"] = "{\"eventType\": [\(quoted)]}"
            }
            try await VerifyFixtures.subscribe(queue.arn, to: topic, for: learner, attributes: attributes)
            urls.append(queue.url)
        }
        let checks = try VerifyFixtures.labChecks(step: "publish-order-event", for: learner)
        let environment = CheckEnvironment(account: learner, isSandbox: true, deliveryWait: .seconds(2))
        let results = await CheckRunner(environment: environment, budget: .seconds(30)).run(checks)
        #expect(results.map(\.status) == [.passed, .passed], "\(results.map { $0.observed ?? "" })")
        for url in urls { #expect(try await messageCount(url, learner) == 0, "\(url)") }
    }

    @Test("a missing topic or queue fails before anything is published")
    func missingResources() async throws {
        let learner = try VerifyFixtures.makeLearner()
        let (topic, _) = try await makeLab(learner)
        let noTopic = await VerifyFixtures.run(
            fanOut(learner, topic: learner.prefix + "user-events", eventType: "UserRegistered", to: ["notification"], not: []),
            as: learner)
        #expect(noTopic.observed == "there is no SNS topic named \(learner.prefix)user-events in us-east-1")
        let noQueue = await VerifyFixtures.run(
            fanOut(learner, topic: topic, eventType: "OrderCreated", to: ["analytics"], not: []), as: learner)
        #expect(noQueue.status == .failed)
        #expect(noQueue.observed == "there is no SQS queue named \(learner.prefix)analytics in us-east-1")
        #expect(!noQueue.calls.contains { $0.call == "SNS Publish" })
    }
}
