import AWSClient
import Foundation
import MotoTestSupport
import Testing

extension SignedServicesIntegrationTests {
    @Test("SQS queues, attributes and messages")
    func sqs() async throws {
        let sqs = SQSClient(runtime: try await makeRuntime())
        let deadLetterURL = try await sqs.createQueue(name: "lg-orders-dlq")
        let deadLetterARN = try #require(try await sqs.getQueueAttributes(url: deadLetterURL, names: ["QueueArn"])["QueueArn"])
        let redrive = #"{"deadLetterTargetArn":"\#(deadLetterARN)","maxReceiveCount":"3"}"#
        let queueURL = try await sqs.createQueue(name: "lg-orders", attributes: ["VisibilityTimeout": "45"])
        try await sqs.setQueueAttributes(url: queueURL, attributes: ["RedrivePolicy": redrive])
        #expect(try await sqs.getQueueURL(name: "lg-orders") == queueURL)
        let attributes = try await sqs.getQueueAttributes(url: queueURL)
        #expect(attributes["VisibilityTimeout"] == "45")
        #expect(attributes["RedrivePolicy"]?.contains(deadLetterARN) == true)
        #expect(Set(try await sqs.listQueues(prefix: "lg-orders", pageSize: 1).collect()) == [queueURL, deadLetterURL])

        let messageID = try await sqs.sendMessage(
            queueURL: queueURL, body: "order 42", attributes: ["kind": .init(string: "order")])
        let messages = try await sqs.receiveMessages(queueURL: queueURL, maxMessages: 10)
        #expect(messages.map(\.MessageId) == [messageID])
        #expect(messages.first?.Body == "order 42")
        #expect(messages.first?.MessageAttributes?["kind"]?.StringValue == "order")
        try await sqs.deleteMessage(queueURL: queueURL, receiptHandle: try #require(messages.first?.ReceiptHandle))

        try await sqs.deleteQueue(url: queueURL)
        let error = try await #require(throws: AWSError.self) { try await sqs.getQueueURL(name: "lg-orders") }
        #expect(error.code == "QueueDoesNotExist" || error.code == "AWS.SimpleQueueService.NonExistentQueue")
        #expect(error.statusCode == 400)
    }

    @Test("SNS topics, subscriptions with a filter policy, and publish to SQS")
    func sns() async throws {
        let runtime = try await makeRuntime()
        let sns = SNSClient(runtime: runtime)
        let sqs = SQSClient(runtime: runtime)
        let topicARN = try await sns.createTopic(name: "lg-orders-topic", tags: ["lab": "cross-service"])
        #expect(try await sns.listTopics().collect().contains(topicARN))

        let queueURL = try await sqs.createQueue(name: "lg-shipping")
        let queueARN = try #require(try await sqs.getQueueAttributes(url: queueURL, names: ["QueueArn"])["QueueArn"])
        let subscriptionARN = try await sns.subscribe(topicARN: topicARN, protocolName: "sqs", endpoint: queueARN)
        try await sns.setSubscriptionAttribute(
            subscriptionARN: subscriptionARN, name: "FilterPolicy", value: #"{"kind":["order"]}"#)
        try await sns.setSubscriptionAttribute(subscriptionARN: subscriptionARN, name: "RawMessageDelivery", value: "true")
        let attributes = try await sns.getSubscriptionAttributes(subscriptionARN: subscriptionARN)
        #expect(attributes["FilterPolicy"]?.contains("order") == true)
        #expect(attributes["RawMessageDelivery"] == "true")
        let subscriptions = try await sns.listSubscriptions(topicARN: topicARN).collect()
        #expect(subscriptions.map(\.endpoint) == [queueARN])

        try await sns.publish(topicARN: topicARN, message: "skipped", attributes: ["kind": .init(value: "refund")])
        try await sns.publish(topicARN: topicARN, message: "delivered", attributes: ["kind": .init(value: "order")])
        let delivered = try await sqs.receiveMessages(queueURL: queueURL, maxMessages: 10)
        #expect(delivered.map(\.Body) == ["delivered"])

        try await sns.unsubscribe(subscriptionARN: subscriptionARN)
        #expect(try await sns.listSubscriptions(topicARN: topicARN).collect().isEmpty)
        try await sns.deleteTopic(arn: topicARN)
        let error = try await #require(throws: AWSError.self) {
            try await sns.getSubscriptionAttributes(subscriptionARN: subscriptionARN)
        }
        #expect(error.code == "NotFound")
    }
}
