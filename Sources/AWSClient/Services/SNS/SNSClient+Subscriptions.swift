extension SNSClient {
    public struct Subscription: Sendable, Equatable {
        public let subscriptionARN: String
        public let topicARN: String
        public let protocolName: String
        public let endpoint: String
    }

    /// Subscribes an endpoint (an SQS queue ARN for the labs) and returns the subscription ARN.
    public func subscribe(
        topicARN: String, protocolName: String, endpoint: String, attributes: [String: String] = [:]
    ) async throws -> String {
        var parameters = parameters("Subscribe")
        parameters.add("TopicArn", topicARN)
        parameters.add("Protocol", protocolName)
        parameters.add("Endpoint", endpoint)
        parameters.addMap("Attributes", attributes)
        parameters.add("ReturnSubscriptionArn", true)
        return try requireString(try await runtime.callQuery(Self.service, parameters), "SubscriptionArn", "Subscribe")
    }

    public func unsubscribe(subscriptionARN: String) async throws {
        var parameters = parameters("Unsubscribe")
        parameters.add("SubscriptionArn", subscriptionARN)
        _ = try await runtime.callQuery(Self.service, parameters)
    }

    public func listSubscriptions(topicARN: String) -> PaginatedSequence<Subscription> {
        let runtime = self.runtime
        var template = parameters("ListSubscriptionsByTopic")
        template.add("TopicArn", topicARN)
        return PaginatedSequence { [template] token in
            var parameters = template
            parameters.add("NextToken", token)
            let result = try await runtime.callQuery(Self.service, parameters)
            let subscriptions = result.members(at: "Subscriptions").map { member in
                Subscription(
                    subscriptionARN: member.string(at: "SubscriptionArn") ?? "",
                    topicARN: member.string(at: "TopicArn") ?? "",
                    protocolName: member.string(at: "Protocol") ?? "",
                    endpoint: member.string(at: "Endpoint") ?? "")
            }
            return (subscriptions, result.string(at: "NextToken"))
        }
    }

    /// `FilterPolicy`, `RawMessageDelivery`, `RedrivePolicy`…
    public func getSubscriptionAttributes(subscriptionARN: String) async throws -> [String: String] {
        var parameters = parameters("GetSubscriptionAttributes")
        parameters.add("SubscriptionArn", subscriptionARN)
        return Self.attributes(in: try await runtime.callQuery(Self.service, parameters))
    }

    public func setSubscriptionAttribute(subscriptionARN: String, name: String, value: String) async throws {
        var parameters = parameters("SetSubscriptionAttributes")
        parameters.add("SubscriptionArn", subscriptionARN)
        parameters.add("AttributeName", name)
        parameters.add("AttributeValue", value)
        _ = try await runtime.callQuery(Self.service, parameters)
    }

    /// A message attribute: `String`, `Number` or `String.Array` with a string value.
    public struct MessageAttribute: Sendable {
        public let dataType: String
        public let value: String

        public init(dataType: String = "String", value: String) {
            self.dataType = dataType
            self.value = value
        }
    }

    /// Publishes to a topic and returns the message id.
    @discardableResult
    public func publish(
        topicARN: String, message: String, subject: String? = nil, attributes: [String: MessageAttribute] = [:]
    ) async throws -> String {
        var parameters = parameters("Publish")
        parameters.add("TopicArn", topicARN)
        parameters.add("Message", message)
        parameters.add("Subject", subject)
        for (offset, name) in attributes.keys.sorted().enumerated() {
            let prefix = "MessageAttributes.entry.\(offset + 1)"
            parameters.add("\(prefix).Name", name)
            parameters.add("\(prefix).Value.DataType", attributes[name]?.dataType)
            parameters.add("\(prefix).Value.StringValue", attributes[name]?.value)
        }
        return try requireString(try await runtime.callQuery(Self.service, parameters), "MessageId", "Publish")
    }
}
