extension IAMClient {
    /// Creates a user (the signature-checking sandbox needs one to hold a key).
    public func createUser(name: String) async throws -> String {
        var parameters = parameters("CreateUser")
        parameters.add("UserName", name)
        return try await runtime.callQuery(Self.service, parameters).string(at: "User/Arn") ?? ""
    }

    /// Creates a managed policy and returns its ARN.
    public func createPolicy(name: String, policyDocument: String) async throws -> String {
        var parameters = parameters("CreatePolicy")
        parameters.add("PolicyName", name)
        parameters.add("PolicyDocument", policyDocument)
        return try await runtime.callQuery(Self.service, parameters).string(at: "Policy/Arn") ?? ""
    }

    public func attachUserPolicy(userName: String, policyARN: String) async throws {
        var parameters = parameters("AttachUserPolicy")
        parameters.add("UserName", userName)
        parameters.add("PolicyArn", policyARN)
        _ = try await runtime.callQuery(Self.service, parameters)
    }

    /// Creates an access key for a user; the secret is only in the returned value, never logged.
    public func createAccessKey(userName: String) async throws -> AWSCredentials {
        var parameters = parameters("CreateAccessKey")
        parameters.add("UserName", userName)
        let result = try await runtime.callQuery(Self.service, parameters)
        guard let keyID = result.string(at: "AccessKey/AccessKeyId"),
            let secret = result.string(at: "AccessKey/SecretAccessKey")
        else {
            throw AWSError.makeInvalidResponse(
                "CreateAccessKey reply has no AccessKey", body: [], statusCode: 200, service: "IAM",
                operation: "CreateAccessKey")
        }
        return AWSCredentials(accessKeyID: keyID, secretAccessKey: secret)
    }
}
