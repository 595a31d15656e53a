import AWSClient
import LabChecks
import MotoTestSupport
import Testing

/// `sns.topic`, `sns.subscription`, `sqs.queue` and `sqs.dead-letter-queue` against moto: each passes when the account
/// matches and fails with the exact difference when it does not.
@Suite("Verify: topics, subscriptions and queues", .motoServer(signatureChecking: false))
struct MessagingCheckTests {
    @Test("sns.topic passes for an existing topic and fails, naming it, for a missing one")
    func topic() async throws {
        let learner = try VerifyFixtures.makeLearner()
        let name = learner.prefix + "order-events"
        let check = VerifyFixtures.check("sns.topic", ["topic": .text(name)])
        let missing = await VerifyFixtures.run(check, as: learner)
        #expect(missing.status == .failed)
        #expect(missing.expected == "an SNS topic named \(name)")
        #expect(missing.observed == "there is no SNS topic named \(name) in us-east-1")

        let arn = try await SNSClient(runtime: learner.runtime).createTopic(name: name)
        let found = await VerifyFixtures.run(check, as: learner)
        #expect(found.status == .passed)
        #expect(found.facts["TopicArn"] == arn)
        #expect(found.calls.map(\.call).contains("SNS ListTopics"))
    }

    @Test("sns.subscription compares the eventType filter and raw delivery, in either filter scope")
    func subscription() async throws {
        let learner = try VerifyFixtures.makeLearner()
        let topic = learner.prefix + "order-events"
        let topicARN = try await SNSClient(runtime: learner.runtime).createTopic(name: topic)
        let inventory = try await VerifyFixtures.makeQueue("inventory", for: learner)
        let analytics = try await VerifyFixtures.makeQueue("analytics", for: learner)
        let check = VerifyFixtures.check(
            "sns.subscription",
            [
                "topic": .text(topic), "queue": .text(learner.prefix + "inventory"),
                "filterEventTypes": .list(["OrderCreated", "OrderCancelled"]), "rawMessageDelivery": .boolean(true),
            ])
        let unsubscribed = await VerifyFixtures.run(check, as: learner)
        #expect(unsubscribed.status == .failed)
        #expect(unsubscribed.expected == "queue \(learner.prefix)inventory subscribed to topic \(topic)")
        #expect(
            unsubscribed.observed
                == "topic \(topic) has no subscription for queue \(learner.prefix)inventory (it has no subscriptions at all)")

        try await VerifyFixtures.subscribe(analytics.arn, to: topicARN, for: learner, attributes: ["RawMessageDelivery": "true"])
        let wrong = try await VerifyFixtures.subscribe(
            inventory.arn, to: topicARN, for: learner, attributes: ["FilterPolicy": #"{"eventType": ["OrderCreated"]}"#])
        let differing = await VerifyFixtures.run(check, as: learner)
        #expect(differing.status == .failed)
        #expect(differing.expected == "eventType filtered to OrderCreated and OrderCancelled; raw message delivery on")
        #expect(
            differing.observed
                == "queue \(learner.prefix)inventory is subscribed to topic \(topic), but the filter policy is "
                + #"{"eventType":["OrderCreated"]}: OrderCancelled is missing; raw message delivery is off"#)
        #expect(differing.hint?.contains("replaces the whole policy") == true)
        #expect(differing.facts["FilterPolicy"] == #"{"eventType": ["OrderCreated"]}"#)

        // The same events, matched on the message body instead of its attributes.
        let sns = SNSClient(runtime: learner.runtime)
        try await sns.setSubscriptionAttribute(subscriptionARN: wrong, name: "FilterPolicyScope", value: "MessageBody")
        try await sns.setSubscriptionAttribute(
            subscriptionARN: wrong, name: "FilterPolicy", value: #"{"eventType": ["OrderCancelled", "OrderCreated"]}"#)
        try await sns.setSubscriptionAttribute(subscriptionARN: wrong, name: "RawMessageDelivery", value: "true")
        let matching = await VerifyFixtures.run(check, as: learner)
        #expect(matching.status == .passed, "\(matching.observed ?? "")")
        #expect(matching.facts["FilterPolicyScope"] == "MessageBody")
        #expect(matching.facts["SubscriptionArn"] == wrong)
    }

    @Test("sqs.queue passes with the declared visibility timeout and fails with the one it found")
    func queue() async throws {
        let learner = try VerifyFixtures.makeLearner()
        let name = learner.prefix + "order-processing"
        let check = VerifyFixtures.check("sqs.queue", ["queue": .text(name), "visibilityTimeout": .integer(60)])
        let missing = await VerifyFixtures.run(check, as: learner)
        #expect(missing.status == .failed)
        #expect(missing.expected == "an SQS queue named \(name)")
        #expect(missing.observed == "there is no SQS queue named \(name) in us-east-1")

        let queue = try await VerifyFixtures.makeQueue("order-processing", for: learner)
        let differing = await VerifyFixtures.run(check, as: learner)
        #expect(differing.status == .failed)
        #expect(differing.expected == "a visibility timeout of 60 seconds")
        #expect(differing.observed == "queue \(name) has a visibility timeout of 30 seconds")

        try await SQSClient(runtime: learner.runtime).setQueueAttributes(url: queue.url, attributes: ["VisibilityTimeout": "60"])
        // By URL as well as by name.
        let byURL = VerifyFixtures.check("sqs.queue", ["queue": .text(queue.url), "visibilityTimeout": .integer(60)])
        let matching = await VerifyFixtures.run(byURL, as: learner)
        #expect(matching.status == .passed)
        #expect(matching.facts["VisibilityTimeout"] == "60")
    }

    @Test("sqs.dead-letter-queue compares the redrive target's ARN and maxReceiveCount")
    func deadLetterQueue() async throws {
        let learner = try VerifyFixtures.makeLearner()
        let name = learner.prefix + "order-processing"
        let dlq = learner.prefix + "order-processing-dlq"
        let check = VerifyFixtures.check(
            "sqs.dead-letter-queue", ["queue": .text(name), "deadLetterQueue": .text(dlq), "maxReceiveCount": .integer(3)])
        let deadLetter = try await VerifyFixtures.makeQueue("order-processing-dlq", for: learner)
        let other = try await VerifyFixtures.makeQueue("other-dlq", for: learner)
        let queue = try await VerifyFixtures.makeQueue("order-processing", for: learner)
        let none = await VerifyFixtures.run(check, as: learner)
        #expect(none.status == .failed)
        #expect(none.expected == "a redrive policy sending to \(dlq) after 3 receives")
        #expect(none.observed == "queue \(name) has no redrive policy")

        let sqs = SQSClient(runtime: learner.runtime)
        try await sqs.setQueueAttributes(
            url: queue.url, attributes: ["RedrivePolicy": #"{"deadLetterTargetArn":"\#(other.arn)","maxReceiveCount":"5"}"#])
        let differing = await VerifyFixtures.run(check, as: learner)
        #expect(differing.status == .failed)
        #expect(
            differing.observed
                == "queue \(name) has a redrive policy that sends to \(learner.prefix)other-dlq and moves messages after 5 receives"
        )
        #expect(differing.hint?.contains("ARN") == true)

        try await sqs.setQueueAttributes(
            url: queue.url, attributes: ["RedrivePolicy": #"{"deadLetterTargetArn":"\#(deadLetter.arn)","maxReceiveCount":3}"#])
        let matching = await VerifyFixtures.run(check, as: learner)
        #expect(matching.status == .passed, "\(matching.observed ?? "")")
        #expect(matching.facts["RedrivePolicy.maxReceiveCount"] == "3")
        #expect(matching.facts["deadLetterQueueArn"] == deadLetter.arn)
    }
}
