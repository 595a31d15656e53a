import Foundation

extension CloudMapClient {
    public struct Service: Decodable, Sendable {
        public let Id: String
        public let Arn: String?
        public let Name: String
        public let NamespaceId: String?
    }

    /// Creates a service in a namespace (HTTP namespaces need no DNS configuration).
    public func createService(name: String, namespaceID: String, description: String? = nil) async throws -> Service {
        struct Input: Encodable {
            let Name: String
            let NamespaceId: String
            let CreatorRequestId: String
            let Description: String?
        }
        struct Output: Decodable { let Service: Service }
        let input = Input(
            Name: name, NamespaceId: namespaceID, CreatorRequestId: UUID().uuidString, Description: description)
        return try await runtime.callJSON(Self.service, "CreateService", input, as: Output.self).Service
    }

    public func getService(id: String) async throws -> Service {
        struct Input: Encodable { let Id: String }
        struct Output: Decodable { let Service: Service }
        return try await runtime.callJSON(Self.service, "GetService", Input(Id: id), as: Output.self).Service
    }

    /// Services, page by page; with `namespaceID`, only that namespace's (the `NAMESPACE_ID` filter). AWS's summaries
    /// carry no `NamespaceId`, so the filter is the only way to tell namespaces apart there; moto ignores filters but
    /// does add `NamespaceId`, so callers keep a service whose `NamespaceId` is the one asked for or absent.
    public func listServices(namespaceID: String? = nil, pageSize: Int? = nil) -> PaginatedSequence<Service> {
        struct Filter: Encodable {
            let Name: String
            let Values: [String]
            let Condition: String
        }
        struct Input: Encodable {
            let NextToken: String?
            let MaxResults: Int?
            let Filters: [Filter]?
        }
        struct Output: Decodable {
            let Services: [Service]?
            let NextToken: String?
        }
        let runtime = self.runtime
        let filters = namespaceID.map { [Filter(Name: "NAMESPACE_ID", Values: [$0], Condition: "EQ")] }
        return PaginatedSequence { token in
            let output = try await runtime.callJSON(
                Self.service, "ListServices", Input(NextToken: token, MaxResults: pageSize, Filters: filters),
                as: Output.self)
            return (output.Services ?? [], output.NextToken)
        }
    }

    public func deleteService(id: String) async throws {
        struct Input: Encodable { let Id: String }
        _ = try await runtime.callJSON(Self.service, "DeleteService", Input(Id: id), as: EmptyShape.self)
    }
}
