import AWSClient

/// `sns.topic` and `sns.subscription`: the topic, and how a queue is subscribed to it.
enum TopicObservers {
    static func topic(_ check: RenderedCheck, in environment: CheckEnvironment) async throws -> CheckOutcome {
        let topic = try check.requiredText("topic")
        let name = MessagingLookup.topicName(topic)
        let runtime = environment.account.runtime
        guard let arn = try await MessagingLookup(runtime: runtime).topicARN(topic) else {
            return missingTopic(name, in: environment)
        }
        let attributes = try await nilIfNotFound { try await SNSClient(runtime: runtime).getTopicAttributes(topicARN: arn) }
        guard let attributes else { return missingTopic(name, in: environment) }
        return .passed(
            "SNS topic \(name) exists",
            facts: ["TopicArn": arn, "SubscriptionsConfirmed": attributes["SubscriptionsConfirmed"] ?? "0"])
    }

    static func missingTopic(_ name: String, in environment: CheckEnvironment) -> CheckOutcome {
        .failed(
            expected: "an SNS topic named \(name)",
            observed: "there is no SNS topic named \(name) in \(environment.account.region)",
            hint:
                "Topic names are case-sensitive and belong to one region: list your topics and compare the name letter by letter."
        )
    }

    static func subscription(_ check: RenderedCheck, in environment: CheckEnvironment) async throws -> CheckOutcome {
        let topic = try check.requiredText("topic")
        let topicName = MessagingLookup.topicName(topic)
        let queueName = MessagingLookup.queueName(try check.requiredText("queue"))
        let runtime = environment.account.runtime
        let sns = SNSClient(runtime: runtime)
        guard let topicARN = try await MessagingLookup(runtime: runtime).topicARN(topic) else {
            return missingTopic(topicName, in: environment)
        }
        let all = try await sns.listSubscriptions(topicARN: topicARN).collect()
        let matching = all.filter { $0.protocolName == "sqs" && MessagingLookup.queueName($0.endpoint) == queueName }
        guard let subscription = matching.first(where: { $0.subscriptionARN.hasPrefix("arn:") }) ?? matching.first else {
            let others = all.map { MessagingLookup.queueName($0.endpoint) }
            return .failed(
                expected: "queue \(queueName) subscribed to topic \(topicName)",
                observed: "topic \(topicName) has no subscription for queue \(queueName)"
                    + (others.isEmpty ? " (it has no subscriptions at all)" : " (it delivers to \(listed(others)))"),
                hint: "Subscribe with the protocol sqs and the queue's ARN as the endpoint: a queue URL or name is not accepted.",
                facts: ["TopicArn": topicARN])
        }
        guard subscription.subscriptionARN.hasPrefix("arn:") else {
            return .failed(
                expected: "a confirmed subscription of queue \(queueName) to topic \(topicName)",
                observed: "the subscription of queue \(queueName) to topic \(topicName) is still pending confirmation",
                hint: "An SQS subscription confirms itself when the queue is in the same account; check the endpoint ARN.")
        }
        let attributes =
            try await nilIfNotFound { try await sns.getSubscriptionAttributes(subscriptionARN: subscription.subscriptionARN) }
            ?? [:]
        return compare(check, attributes, subscribed: "queue \(queueName) is subscribed to topic \(topicName)")
            .adding(["SubscriptionArn": subscription.subscriptionARN, "Endpoint": subscription.endpoint])
    }

    /// The filter policy and raw delivery against the declaration, every difference in one message.
    static func compare(_ check: RenderedCheck, _ attributes: [String: String], subscribed: String) -> CheckOutcome {
        var expected: [String] = []
        var observed: [String] = []
        var hints: [String] = []
        var facts: [String: String] = [:]
        for key in ["FilterPolicy", "FilterPolicyScope", "RawMessageDelivery"] { facts[key] = attributes[key] }
        if let eventTypes = check.list("filterEventTypes") {
            let wanted = "eventType filtered to \(listed(eventTypes))"
            if let filter = EventTypeFilter(policy: attributes["FilterPolicy"]) {
                if let difference = filter.difference(from: eventTypes) {
                    (expected, observed) = (expected + [wanted], observed + [difference])
                    hints.append("Setting FilterPolicy replaces the whole policy: list every event type this queue needs.")
                }
            } else {
                (expected, observed) = (expected + [wanted], observed + ["there is no filter policy, so every event arrives"])
                hints.append("A filter policy is a subscription attribute, a JSON object keyed by the attribute it matches.")
            }
        }
        if let raw = check.boolean("rawMessageDelivery") {
            let actual = attributes["RawMessageDelivery"]?.lowercased() == "true"
            if actual != raw {
                expected.append("raw message delivery \(raw ? "on" : "off")")
                observed.append("raw message delivery is \(actual ? "on" : "off")")
                hints.append(
                    raw
                        ? "Without raw delivery the queue receives the SNS envelope, with the event as a string inside."
                        : "With raw delivery the queue receives the bare event, without the SNS envelope.")
            }
        }
        guard !observed.isEmpty else { return .passed(subscribed, facts: facts) }
        return .failed(
            expected: expected.joined(separator: "; "), observed: "\(subscribed), but " + observed.joined(separator: "; "),
            hint: hints.joined(separator: " "), facts: facts)
    }
}

extension CheckOutcome {
    /// The same outcome with more facts (the new ones win).
    func adding(_ more: [String: String]) -> CheckOutcome {
        CheckOutcome(
            verdict: verdict, expected: expected, observed: observed, hint: hint,
            facts: facts.merging(more) { _, new in new })
    }
}
