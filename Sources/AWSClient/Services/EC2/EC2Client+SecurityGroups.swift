extension EC2Client {
    public struct SecurityGroup: Sendable, Equatable {
        public let groupID: String
        public let groupName: String
        public let vpcID: String?
        public let description: String
        public let ingress: [IngressRule]
        public let tags: [String: String]
    }

    /// One ingress permission: a protocol and port range, open to other security groups and CIDR ranges.
    public struct IngressRule: Sendable, Equatable {
        public let ipProtocol: String
        public let fromPort: Int?
        public let toPort: Int?
        public let sourceGroupIDs: [String]
        public let cidrRanges: [String]
    }

    /// Creates a security group and returns its id.
    public func createSecurityGroup(
        name: String, description: String, vpcID: String?, tags: [String: String] = [:]
    ) async throws -> String {
        var parameters = parameters("CreateSecurityGroup")
        parameters.add("GroupName", name)
        parameters.add("GroupDescription", description)
        parameters.add("VpcId", vpcID)
        Self.addTagSpecification(tags, resourceType: "security-group", to: &parameters)
        let result = try await runtime.callQuery(Self.service, parameters)
        guard let groupID = result.string(at: "groupId") else {
            throw AWSError.makeInvalidResponse(
                "CreateSecurityGroup reply has no groupId", body: [], statusCode: 200, service: "EC2",
                operation: "CreateSecurityGroup")
        }
        return groupID
    }

    /// Security groups matching the filters (all of them without any); EC2 answers in one page for these sizes.
    public func describeSecurityGroups(ids: [String] = [], filters: [Filter] = []) async throws -> [SecurityGroup] {
        var parameters = parameters("DescribeSecurityGroups")
        for (offset, id) in ids.enumerated() { parameters.add("GroupId.\(offset + 1)", id) }
        Self.addFilters(filters, to: &parameters)
        let result = try await runtime.callQuery(Self.service, parameters)
        return result.items(at: "securityGroupInfo").map { item in
            SecurityGroup(
                groupID: item.string(at: "groupId") ?? "", groupName: item.string(at: "groupName") ?? "",
                vpcID: item.string(at: "vpcId"), description: item.string(at: "groupDescription") ?? "",
                ingress: item.items(at: "ipPermissions").map(Self.decodeRule), tags: Self.decodeTags(item))
        }
    }

    /// Allows `ipProtocol` traffic on `port` from members of `sourceGroupID` (the group itself for service-to-service).
    public func authorizeIngress(groupID: String, ipProtocol: String, port: Int, sourceGroupID: String) async throws {
        var parameters = parameters("AuthorizeSecurityGroupIngress")
        parameters.add("GroupId", groupID)
        parameters.add("IpPermissions.1.IpProtocol", ipProtocol)
        parameters.add("IpPermissions.1.FromPort", port)
        parameters.add("IpPermissions.1.ToPort", port)
        parameters.add("IpPermissions.1.Groups.1.GroupId", sourceGroupID)
        _ = try await runtime.callQuery(Self.service, parameters)
    }

    public func deleteSecurityGroup(id: String) async throws {
        var parameters = parameters("DeleteSecurityGroup")
        parameters.add("GroupId", id)
        _ = try await runtime.callQuery(Self.service, parameters)
    }

    /// Adds or replaces tags on any EC2 resource.
    public func createTags(resourceIDs: [String], tags: [String: String]) async throws {
        var parameters = parameters("CreateTags")
        for (offset, id) in resourceIDs.enumerated() { parameters.add("ResourceId.\(offset + 1)", id) }
        for (offset, key) in tags.keys.sorted().enumerated() {
            parameters.add("Tag.\(offset + 1).Key", key)
            parameters.add("Tag.\(offset + 1).Value", tags[key])
        }
        _ = try await runtime.callQuery(Self.service, parameters)
    }

    static func decodeRule(_ item: AWSXMLElement) -> IngressRule {
        IngressRule(
            ipProtocol: item.string(at: "ipProtocol") ?? "", fromPort: item.string(at: "fromPort").flatMap { Int($0) },
            toPort: item.string(at: "toPort").flatMap { Int($0) },
            sourceGroupIDs: item.items(at: "groups").compactMap { $0.string(at: "groupId") },
            cidrRanges: item.items(at: "ipRanges").compactMap { $0.string(at: "cidrIp") })
    }
}
