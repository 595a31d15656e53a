extension SNSClient {
    /// Every subscription in the account and region, page by page: what a cleanup scan needs, since a subscription
    /// can outlive the queue it delivers to.
    public func listSubscriptions() -> PaginatedSequence<Subscription> {
        let runtime = self.runtime
        let template = parameters("ListSubscriptions")
        return PaginatedSequence { token in
            var parameters = template
            parameters.add("NextToken", token)
            let result = try await runtime.callQuery(Self.service, parameters)
            let subscriptions = result.members(at: "Subscriptions").map { member in
                Subscription(
                    subscriptionARN: member.string(at: "SubscriptionArn") ?? "",
                    topicARN: member.string(at: "TopicArn") ?? "", protocolName: member.string(at: "Protocol") ?? "",
                    endpoint: member.string(at: "Endpoint") ?? "")
            }
            return (subscriptions, result.string(at: "NextToken"))
        }
    }
}
