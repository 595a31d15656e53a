/// Amazon SNS over the query protocol (2010-03-31) with XML replies.
public struct SNSClient: Sendable {
    public let runtime: AWSRuntime
    static let service = ServiceDescriptor.sns
    static let version = "2010-03-31"

    public init(runtime: AWSRuntime) {
        self.runtime = runtime
    }

    func parameters(_ action: String) -> QueryParameters {
        QueryParameters(action: action, version: Self.version)
    }

    /// Creates a topic (idempotent by name) and returns its ARN.
    public func createTopic(name: String, attributes: [String: String] = [:], tags: [String: String] = [:])
        async throws -> String
    {
        var parameters = parameters("CreateTopic")
        parameters.add("Name", name)
        parameters.addMap("Attributes", attributes)
        parameters.addList("Tags", tags.sorted { $0.key < $1.key }) { parameters, prefix, tag in
            parameters.add("\(prefix).Key", tag.key)
            parameters.add("\(prefix).Value", tag.value)
        }
        return try await requireString(runtime.callQuery(Self.service, parameters), "TopicArn", "CreateTopic")
    }

    public func deleteTopic(arn: String) async throws {
        var parameters = parameters("DeleteTopic")
        parameters.add("TopicArn", arn)
        _ = try await runtime.callQuery(Self.service, parameters)
    }

    /// Topic ARNs, page by page (`NextToken`).
    public func listTopics() -> PaginatedSequence<String> {
        let runtime = self.runtime
        let template = parameters("ListTopics")
        return PaginatedSequence { token in
            var parameters = template
            parameters.add("NextToken", token)
            let result = try await runtime.callQuery(Self.service, parameters)
            return (result.members(at: "Topics").compactMap { $0.string(at: "TopicArn") }, result.string(at: "NextToken"))
        }
    }

    func requireString(_ result: AWSXMLElement, _ path: String, _ operation: String) throws -> String {
        guard let value = result.string(at: path) else {
            throw AWSError.makeInvalidResponse(
                "\(operation) reply has no \(path)", body: [], statusCode: 200, service: "SNS", operation: operation)
        }
        return value
    }

    /// `TopicArn`, `Policy`, `SubscriptionsConfirmed`…; a missing topic answers `NotFound`.
    public func getTopicAttributes(topicARN: String) async throws -> [String: String] {
        var parameters = parameters("GetTopicAttributes")
        parameters.add("TopicArn", topicARN)
        return Self.attributes(in: try await runtime.callQuery(Self.service, parameters))
    }

    /// The `Attributes` map of a Get…Attributes reply (`entry` elements with `key` and `value`).
    static func attributes(in result: AWSXMLElement) -> [String: String] {
        var attributes: [String: String] = [:]
        for entry in result.element(at: "Attributes")?.children(named: "entry") ?? [] {
            if let key = entry.string(at: "key") { attributes[key] = entry.element(at: "value")?.text ?? "" }
        }
        return attributes
    }
}
