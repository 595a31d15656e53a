import AWSClient
import Foundation

extension FinishedLabWork {
    static func createMessaging(prefix: String, runtime: AWSRuntime) async throws -> Int {
        let sns = SNSClient(runtime: runtime)
        let sqs = SQSClient(runtime: runtime)
        var topics: [String: String] = [:]
        for topic in ["order-events", "user-events", "inventory-events"] {
            topics[topic] = try await sns.createTopic(name: "\(prefix)\(topic)")
        }
        var queueARNs: [String: String] = [:]
        for queue in ["order-processing", "inventory", "notification", "analytics"] {
            let deadLetterURL = try await sqs.createQueue(name: "\(prefix)\(queue)-dlq")
            let deadLetterARN = try await sqs.getQueueAttributes(url: deadLetterURL, names: ["QueueArn"])["QueueArn"] ?? ""
            let redrive = #"{"deadLetterTargetArn":"\#(deadLetterARN)","maxReceiveCount":"3"}"#
            let url = try await sqs.createQueue(
                name: "\(prefix)\(queue)", attributes: ["RedrivePolicy": redrive, "VisibilityTimeout": "60"])
            queueARNs[queue] = try await sqs.getQueueAttributes(url: url, names: ["QueueArn"])["QueueArn"] ?? ""
        }
        // The routing table of the lab's subscriptions step, so its fan-out probes pass as they do for a learner.
        let subscriptions: [(queue: String, topic: String, filter: String?)] = [
            ("inventory", "order-events", #"{"eventType":["OrderCreated","OrderCancelled"]}"#),
            ("notification", "order-events", #"{"eventType":["OrderCreated","OrderShipped"]}"#),
            ("analytics", "order-events", nil),
            ("order-processing", "inventory-events", #"{"eventType":["StockReserved","StockUnavailable"]}"#),
            ("analytics", "inventory-events", nil),
            ("notification", "user-events", #"{"eventType":["UserRegistered"]}"#),
        ]
        for subscription in subscriptions {
            var attributes = ["RawMessageDelivery": "true"]
            if let filter = subscription.filter { attributes["FilterPolicy"] = filter }
            _ = try await sns.subscribe(
                topicARN: topics[subscription.topic] ?? "", protocolName: "sqs",
                endpoint: queueARNs[subscription.queue] ?? "", attributes: attributes)
        }
        return topics.count + 2 * queueARNs.count + subscriptions.count
    }

    static func createBreakerAndMonitoring(prefix: String, runtime: AWSRuntime, zipFile: Data) async throws -> Int {
        _ = try await DynamoDBClient(runtime: runtime).createTable(
            name: "\(prefix)circuit-breaker-state", keySchema: [.init(name: "service", keyType: "HASH")],
            attributes: [.init(name: "service", type: "S")])
        let role = try await IAMClient(runtime: runtime).getRole(name: "\(prefix)circuit-breaker-role")
        var function = LambdaClient.FunctionDefinition(
            name: "\(prefix)circuit-breaker-manager", roleARN: role.arn, zipFile: zipFile)
        function.environment = ["TABLE_NAME": "\(prefix)circuit-breaker-state"]
        _ = try await LambdaClient(runtime: runtime).createFunction(function)
        try await CloudWatchLogsClient(runtime: runtime).createLogGroup(name: "/aws/lambda/\(prefix)circuit-breaker-manager")
        let cloudWatch = CloudWatchClient(runtime: runtime)
        let alarms = [
            ("order-processing-dlq-not-empty", "ApproximateNumberOfMessagesVisible", "AWS/SQS"),
            ("order-processing-backlog", "ApproximateAgeOfOldestMessage", "AWS/SQS"),
            ("inventory-breaker-open", "BreakerOpened", "\(prefix)cross-service"),
        ]
        for (name, metric, namespace) in alarms {
            try await cloudWatch.putMetricAlarm(
                .init(name: "\(prefix)\(name)", namespace: namespace, metricName: metric, threshold: 1))
        }
        _ = try await cloudWatch.putDashboard(name: "\(prefix)cross-service", body: #"{"widgets":[]}"#)
        return 3 + alarms.count + 1
    }
}
