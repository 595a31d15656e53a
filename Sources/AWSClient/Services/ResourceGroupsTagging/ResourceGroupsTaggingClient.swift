/// Resource Groups Tagging API over JSON 1.1: `GetResources` lists tagged resources across services, which is how
/// cleanup finds a learner's leftovers by tag.
public struct ResourceGroupsTaggingClient: Sendable {
    public let runtime: AWSRuntime
    static let service = ServiceDescriptor.resourceGroupsTagging

    public init(runtime: AWSRuntime) {
        self.runtime = runtime
    }

    public struct Tag: Codable, Sendable, Equatable {
        public let Key: String
        public let Value: String
    }

    public struct ResourceTagMapping: Decodable, Sendable {
        public let ResourceARN: String
        public let Tags: [Tag]?
    }

    public struct TagFilter: Encodable, Sendable {
        public let Key: String
        public let Values: [String]?

        public init(key: String, values: [String]? = nil) {
            Key = key
            Values = values
        }
    }

    /// Resources matching every tag filter (and resource type filters such as `sqs`, `sns:topic`), page by page
    /// (`PaginationToken`).
    public func getResources(tagFilters: [TagFilter] = [], resourceTypes: [String] = [])
        -> PaginatedSequence<ResourceTagMapping>
    {
        struct Input: Encodable {
            let TagFilters: [TagFilter]?
            let ResourceTypeFilters: [String]?
            let PaginationToken: String?
        }
        struct Output: Decodable {
            let ResourceTagMappingList: [ResourceTagMapping]?
            let PaginationToken: String?
        }
        let runtime = self.runtime
        return PaginatedSequence { token in
            let input = Input(
                TagFilters: tagFilters.isEmpty ? nil : tagFilters,
                ResourceTypeFilters: resourceTypes.isEmpty ? nil : resourceTypes, PaginationToken: token)
            let output = try await runtime.callJSON(Self.service, "GetResources", input, as: Output.self)
            return (output.ResourceTagMappingList ?? [], output.PaginationToken)
        }
    }
}
