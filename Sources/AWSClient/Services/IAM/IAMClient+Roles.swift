extension IAMClient {
    /// A managed policy attached to a role.
    public struct AttachedPolicy: Sendable, Equatable {
        public let name: String
        public let arn: String
    }

    /// Creates a role with tags (IAM accepts them on `CreateRole`, so a tagged role never exists untagged).
    public func createRole(name: String, assumeRolePolicyDocument: String, tags: [String: String]) async throws -> Role {
        var parameters = parameters("CreateRole")
        parameters.add("RoleName", name)
        parameters.add("AssumeRolePolicyDocument", assumeRolePolicyDocument)
        Self.addTags(tags, to: &parameters)
        return try Self.decodeRole(try await runtime.callQuery(Self.service, parameters), operation: "CreateRole")
    }

    /// Every role, page by page (`Marker` while `IsTruncated`), optionally under a path prefix.
    public func listRoles(pathPrefix: String? = nil, pageSize: Int? = nil) -> PaginatedSequence<Role> {
        let runtime = self.runtime
        var template = parameters("ListRoles")
        template.add("PathPrefix", pathPrefix)
        template.add("MaxItems", pageSize)
        return PaginatedSequence { [template] marker in
            var parameters = template
            parameters.add("Marker", marker)
            let result = try await runtime.callQuery(Self.service, parameters)
            let roles = result.members(at: "Roles").compactMap { member -> Role? in
                guard let name = member.string(at: "RoleName"), let arn = member.string(at: "Arn") else { return nil }
                return Role(
                    name: name, arn: arn, roleID: member.string(at: "RoleId") ?? "",
                    assumeRolePolicyDocument: member.string(at: "AssumeRolePolicyDocument").map { URIEncoding.decode($0) })
            }
            return (roles, Self.nextMarker(result))
        }
    }

    /// The managed policies attached to a role (one page holds up to 100; roles hold at most 20).
    public func listAttachedRolePolicies(roleName: String) async throws -> [AttachedPolicy] {
        var parameters = parameters("ListAttachedRolePolicies")
        parameters.add("RoleName", roleName)
        let result = try await runtime.callQuery(Self.service, parameters)
        return result.members(at: "AttachedPolicies").compactMap { member in
            guard let arn = member.string(at: "PolicyArn") else { return nil }
            return AttachedPolicy(name: member.string(at: "PolicyName") ?? "", arn: arn)
        }
    }

    public func tagRole(name: String, tags: [String: String]) async throws {
        var parameters = parameters("TagRole")
        parameters.add("RoleName", name)
        Self.addTags(tags, to: &parameters)
        _ = try await runtime.callQuery(Self.service, parameters)
    }

    public func listRoleTags(name: String) async throws -> [String: String] {
        var parameters = parameters("ListRoleTags")
        parameters.add("RoleName", name)
        var tags: [String: String] = [:]
        for member in try await runtime.callQuery(Self.service, parameters).members(at: "Tags") {
            if let key = member.string(at: "Key") { tags[key] = member.string(at: "Value") ?? "" }
        }
        return tags
    }

    static func addTags(_ tags: [String: String], to parameters: inout QueryParameters) {
        parameters.addList("Tags", tags.sorted { $0.key < $1.key }) { parameters, prefix, tag in
            parameters.add("\(prefix).Key", tag.key)
            parameters.add("\(prefix).Value", tag.value)
        }
    }

    /// IAM pages with `IsTruncated` and `Marker` rather than a token that is absent on the last page.
    static func nextMarker(_ result: AWSXMLElement) -> String? {
        result.string(at: "IsTruncated") == "true" ? result.string(at: "Marker") : nil
    }
}
