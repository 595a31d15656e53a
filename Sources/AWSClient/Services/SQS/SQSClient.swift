/// Amazon SQS over its JSON 1.0 protocol (`X-Amz-Target: AmazonSQS.<Operation>`).
public struct SQSClient: Sendable {
    public let runtime: AWSRuntime
    static let service = ServiceDescriptor.sqs

    public init(runtime: AWSRuntime) {
        self.runtime = runtime
    }

    struct QueueURLOutput: Decodable { let QueueUrl: String }

    /// Creates a queue (or returns the existing one with identical attributes) and returns its URL.
    public func createQueue(name: String, attributes: [String: String] = [:], tags: [String: String] = [:])
        async throws -> String
    {
        struct Input: Encodable {
            let QueueName: String
            let Attributes: [String: String]?
            let tags: [String: String]?
        }
        let input = Input(
            QueueName: name, Attributes: attributes.isEmpty ? nil : attributes, tags: tags.isEmpty ? nil : tags)
        return try await runtime.callJSON(Self.service, "CreateQueue", input, as: QueueURLOutput.self).QueueUrl
    }

    public func deleteQueue(url: String) async throws {
        struct Input: Encodable { let QueueUrl: String }
        _ = try await runtime.callJSON(Self.service, "DeleteQueue", Input(QueueUrl: url), as: EmptyShape.self)
    }

    public func getQueueURL(name: String) async throws -> String {
        struct Input: Encodable { let QueueName: String }
        return try await runtime.callJSON(Self.service, "GetQueueUrl", Input(QueueName: name), as: QueueURLOutput.self)
            .QueueUrl
    }

    /// Queue URLs, page by page (`NextToken`, `MaxResults`).
    public func listQueues(prefix: String? = nil, pageSize: Int? = nil) -> PaginatedSequence<String> {
        struct Input: Encodable {
            let QueueNamePrefix: String?
            let NextToken: String?
            let MaxResults: Int?
        }
        struct Output: Decodable {
            let QueueUrls: [String]?
            let NextToken: String?
        }
        let runtime = self.runtime
        return PaginatedSequence { token in
            let input = Input(QueueNamePrefix: prefix, NextToken: token, MaxResults: pageSize ?? (token == nil ? nil : 1000))
            let output = try await runtime.callJSON(Self.service, "ListQueues", input, as: Output.self)
            return (output.QueueUrls ?? [], output.NextToken)
        }
    }

    /// Attributes by name (`All` by default): `RedrivePolicy`, `Policy`, `VisibilityTimeout`, `QueueArn`…
    public func getQueueAttributes(url: String, names: [String] = ["All"]) async throws -> [String: String] {
        struct Input: Encodable {
            let QueueUrl: String
            let AttributeNames: [String]
        }
        struct Output: Decodable { let Attributes: [String: String]? }
        return try await runtime.callJSON(
            Self.service, "GetQueueAttributes", Input(QueueUrl: url, AttributeNames: names), as: Output.self
        ).Attributes ?? [:]
    }

    public func setQueueAttributes(url: String, attributes: [String: String]) async throws {
        struct Input: Encodable {
            let QueueUrl: String
            let Attributes: [String: String]
        }
        _ = try await runtime.callJSON(
            Self.service, "SetQueueAttributes", Input(QueueUrl: url, Attributes: attributes), as: EmptyShape.self)
    }
}
