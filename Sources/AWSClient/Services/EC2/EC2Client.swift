/// Amazon EC2 over its own query dialect (2016-11-15): lists are `Name.N` without `.member`, replies hold `<item>`
/// lists and no `<OperationResult>` wrapper. The labs only need the default VPC and security groups.
public struct EC2Client: Sendable {
    public let runtime: AWSRuntime
    static let service = ServiceDescriptor.ec2
    static let version = "2016-11-15"

    public init(runtime: AWSRuntime) {
        self.runtime = runtime
    }

    public struct Filter: Sendable {
        public let name: String
        public let values: [String]

        public init(name: String, values: [String]) {
            self.name = name
            self.values = values
        }
    }

    func parameters(_ action: String) -> QueryParameters {
        QueryParameters(action: action, version: Self.version)
    }

    /// The account's default VPC in the runtime's region, or nil when the account has none.
    public func defaultVPCID() async throws -> String? {
        var parameters = parameters("DescribeVpcs")
        Self.addFilters([Filter(name: "is-default", values: ["true"])], to: &parameters)
        let result = try await runtime.callQuery(Self.service, parameters)
        return result.items(at: "vpcSet").first?.string(at: "vpcId")
    }

    static func addFilters(_ filters: [Filter], to parameters: inout QueryParameters) {
        for (offset, filter) in filters.enumerated() {
            parameters.add("Filter.\(offset + 1).Name", filter.name)
            for (valueOffset, value) in filter.values.enumerated() {
                parameters.add("Filter.\(offset + 1).Value.\(valueOffset + 1)", value)
            }
        }
    }

    /// `TagSpecification.1.ResourceType=…&TagSpecification.1.Tag.N.Key/Value`, in key order.
    static func addTagSpecification(_ tags: [String: String], resourceType: String, to parameters: inout QueryParameters)
    {
        guard !tags.isEmpty else { return }
        parameters.add("TagSpecification.1.ResourceType", resourceType)
        for (offset, key) in tags.keys.sorted().enumerated() {
            parameters.add("TagSpecification.1.Tag.\(offset + 1).Key", key)
            parameters.add("TagSpecification.1.Tag.\(offset + 1).Value", tags[key])
        }
    }

    static func decodeTags(_ element: AWSXMLElement) -> [String: String] {
        var tags: [String: String] = [:]
        for item in element.items(at: "tagSet") {
            if let key = item.string(at: "key") { tags[key] = item.string(at: "value") ?? "" }
        }
        return tags
    }
}
