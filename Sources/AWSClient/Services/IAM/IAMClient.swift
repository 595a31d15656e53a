/// AWS IAM over the query protocol (2010-05-08); a global service signed in `us-east-1` on AWS's own endpoint.
public struct IAMClient: Sendable {
    public let runtime: AWSRuntime
    static let service = ServiceDescriptor.iam
    static let version = "2010-05-08"

    public init(runtime: AWSRuntime) {
        self.runtime = runtime
    }

    public struct Role: Sendable, Equatable {
        public let name: String
        public let arn: String
        public let roleID: String
        public let assumeRolePolicyDocument: String?
    }

    func parameters(_ action: String) -> QueryParameters {
        QueryParameters(action: action, version: Self.version)
    }

    public func createRole(name: String, assumeRolePolicyDocument: String, path: String? = nil, description: String? = nil)
        async throws -> Role
    {
        var parameters = parameters("CreateRole")
        parameters.add("RoleName", name)
        parameters.add("AssumeRolePolicyDocument", assumeRolePolicyDocument)
        parameters.add("Path", path)
        parameters.add("Description", description)
        return try Self.decodeRole(try await runtime.callQuery(Self.service, parameters), operation: "CreateRole")
    }

    public func getRole(name: String) async throws -> Role {
        var parameters = parameters("GetRole")
        parameters.add("RoleName", name)
        return try Self.decodeRole(try await runtime.callQuery(Self.service, parameters), operation: "GetRole")
    }

    public func deleteRole(name: String) async throws {
        var parameters = parameters("DeleteRole")
        parameters.add("RoleName", name)
        _ = try await runtime.callQuery(Self.service, parameters)
    }

    /// Adds or replaces an inline policy.
    public func putRolePolicy(roleName: String, policyName: String, policyDocument: String) async throws {
        var parameters = parameters("PutRolePolicy")
        parameters.add("RoleName", roleName)
        parameters.add("PolicyName", policyName)
        parameters.add("PolicyDocument", policyDocument)
        _ = try await runtime.callQuery(Self.service, parameters)
    }

    /// The inline policy document, URL-decoded as IAM returns it encoded.
    public func getRolePolicy(roleName: String, policyName: String) async throws -> String {
        var parameters = parameters("GetRolePolicy")
        parameters.add("RoleName", roleName)
        parameters.add("PolicyName", policyName)
        let result = try await runtime.callQuery(Self.service, parameters)
        return URIEncoding.decode(result.string(at: "PolicyDocument") ?? "")
    }

    public func listRolePolicies(roleName: String) async throws -> [String] {
        var parameters = parameters("ListRolePolicies")
        parameters.add("RoleName", roleName)
        return try await runtime.callQuery(Self.service, parameters).members(at: "PolicyNames").map(\.text)
    }

    public func deleteRolePolicy(roleName: String, policyName: String) async throws {
        var parameters = parameters("DeleteRolePolicy")
        parameters.add("RoleName", roleName)
        parameters.add("PolicyName", policyName)
        _ = try await runtime.callQuery(Self.service, parameters)
    }

    public func attachRolePolicy(roleName: String, policyARN: String) async throws {
        var parameters = parameters("AttachRolePolicy")
        parameters.add("RoleName", roleName)
        parameters.add("PolicyArn", policyARN)
        _ = try await runtime.callQuery(Self.service, parameters)
    }

    public func detachRolePolicy(roleName: String, policyARN: String) async throws {
        var parameters = parameters("DetachRolePolicy")
        parameters.add("RoleName", roleName)
        parameters.add("PolicyArn", policyARN)
        _ = try await runtime.callQuery(Self.service, parameters)
    }

    static func decodeRole(_ result: AWSXMLElement, operation: String) throws -> Role {
        guard let role = result.element(at: "Role"), let name = role.string(at: "RoleName"), let arn = role.string(at: "Arn")
        else {
            throw AWSError.makeInvalidResponse(
                "\(operation) reply has no Role", body: [], statusCode: 200, service: "IAM", operation: operation)
        }
        return Role(
            name: name, arn: arn, roleID: role.string(at: "RoleId") ?? "",
            assumeRolePolicyDocument: role.string(at: "AssumeRolePolicyDocument").map { URIEncoding.decode($0) })
    }
}
