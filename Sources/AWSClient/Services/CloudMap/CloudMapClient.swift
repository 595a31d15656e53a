import Foundation

/// AWS Cloud Map (`servicediscovery`) over JSON 1.1. Namespace creation and deletion are asynchronous: they return
/// an operation id to poll with `getOperation`.
public struct CloudMapClient: Sendable {
    public let runtime: AWSRuntime
    static let service = ServiceDescriptor.cloudMap

    public init(runtime: AWSRuntime) {
        self.runtime = runtime
    }

    public struct Namespace: Decodable, Sendable {
        public let Id: String
        public let Arn: String?
        public let Name: String
        public let `Type`: String?
    }

    public struct Operation: Decodable, Sendable {
        public let Id: String
        public let Status: String
        public let `Type`: String?
        public let ErrorMessage: String?
        /// `NAMESPACE` → namespace id, `SERVICE` → service id.
        public let Targets: [String: String]?
    }

    struct OperationIDOutput: Decodable { let OperationId: String }

    /// Starts creating an HTTP namespace (the kind ECS Service Connect uses); returns the operation id.
    public func createHTTPNamespace(name: String, description: String? = nil, tags: [String: String] = [:])
        async throws -> String
    {
        struct Tag: Encodable {
            let Key: String
            let Value: String
        }
        struct Input: Encodable {
            let Name: String
            let CreatorRequestId: String
            let Description: String?
            let Tags: [Tag]?
        }
        let input = Input(
            Name: name, CreatorRequestId: UUID().uuidString, Description: description,
            Tags: tags.isEmpty ? nil : tags.keys.sorted().map { Tag(Key: $0, Value: tags[$0] ?? "") })
        return try await runtime.callJSON(Self.service, "CreateHttpNamespace", input, as: OperationIDOutput.self)
            .OperationId
    }

    public func getNamespace(id: String) async throws -> Namespace {
        struct Input: Encodable { let Id: String }
        struct Output: Decodable { let Namespace: Namespace }
        return try await runtime.callJSON(Self.service, "GetNamespace", Input(Id: id), as: Output.self).Namespace
    }

    public func listNamespaces(pageSize: Int? = nil) -> PaginatedSequence<Namespace> {
        struct Input: Encodable {
            let NextToken: String?
            let MaxResults: Int?
        }
        struct Output: Decodable {
            let Namespaces: [Namespace]?
            let NextToken: String?
        }
        let runtime = self.runtime
        return PaginatedSequence { token in
            let output = try await runtime.callJSON(
                Self.service, "ListNamespaces", Input(NextToken: token, MaxResults: pageSize), as: Output.self)
            return (output.Namespaces ?? [], output.NextToken)
        }
    }

    /// Starts deleting a namespace; returns the operation id.
    public func deleteNamespace(id: String) async throws -> String {
        struct Input: Encodable { let Id: String }
        return try await runtime.callJSON(Self.service, "DeleteNamespace", Input(Id: id), as: OperationIDOutput.self)
            .OperationId
    }

    public func getOperation(id: String) async throws -> Operation {
        struct Input: Encodable { let OperationId: String }
        struct Output: Decodable { let Operation: Operation }
        return try await runtime.callJSON(Self.service, "GetOperation", Input(OperationId: id), as: Output.self)
            .Operation
    }
}
