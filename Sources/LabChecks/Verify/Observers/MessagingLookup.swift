import AWSClient

/// Finds topics and queues the way a lab names them: a topic by name or ARN, a queue by name, URL or ARN.
struct MessagingLookup: Sendable {
    let runtime: AWSRuntime

    /// `lg-ana-7f3k-order-events` from a name or an ARN.
    static func topicName(_ topic: String) -> String {
        AccountScanner.lastComponent(topic, separator: ":")
    }

    /// `lg-ana-7f3k-inventory` from a name, a URL or an ARN.
    static func queueName(_ queue: String) -> String {
        queue.hasPrefix("arn:")
            ? AccountScanner.lastComponent(queue, separator: ":") : AccountScanner.lastComponent(queue, separator: "/")
    }

    /// The topic's ARN, or nil when the account has no such topic. Listing rather than building the ARN keeps the
    /// check right whatever partition or account id the target reports.
    func topicARN(_ topic: String) async throws -> String? {
        let name = Self.topicName(topic)
        return try await SNSClient(runtime: runtime).listTopics().collect().first { arn in
            topic.hasPrefix("arn:") ? arn == topic : Self.topicName(arn) == name
        }
    }

    /// The queue's URL as the target spells it (GetQueueUrl), or nil when there is no such queue; a URL written in
    /// the lab may name another endpoint than the one Verify talks to, so it is resolved by name too.
    func queueURL(_ queue: String) async throws -> String? {
        try await nilIfNotFound { try await SQSClient(runtime: runtime).getQueueURL(name: Self.queueName(queue)) }
    }

    /// The queue's attributes, or nil when there is no such queue.
    func queueAttributes(_ queue: String) async throws -> (url: String, attributes: [String: String])? {
        guard let url = try await queueURL(queue) else { return nil }
        guard let attributes = try await nilIfNotFound({ try await SQSClient(runtime: runtime).getQueueAttributes(url: url) })
        else { return nil }
        return (url, attributes)
    }
}
