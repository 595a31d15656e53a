import Foundation

/// AWS Security Token Service (query protocol, 2011-06-15).
public struct STSClient: Sendable {
    public let runtime: AWSRuntime
    static let service = ServiceDescriptor.sts

    public init(runtime: AWSRuntime) {
        self.runtime = runtime
    }

    public struct CallerIdentity: Sendable, Equatable {
        public let account: String
        public let arn: String
        public let userID: String
    }

    public func getCallerIdentity() async throws -> CallerIdentity {
        let result = try await runtime.callQuery(
            Self.service, QueryParameters(action: "GetCallerIdentity", version: "2011-06-15"))
        guard let account = result.string(at: "Account"), let arn = result.string(at: "Arn") else {
            throw AWSError.makeInvalidResponse(
                "GetCallerIdentity reply has no Account or Arn", body: [], statusCode: 200, service: "STS",
                operation: "GetCallerIdentity")
        }
        return CallerIdentity(account: account, arn: arn, userID: result.string(at: "UserId") ?? "")
    }

    public struct AssumedRole: Sendable {
        public let credentials: AWSCredentials
        public let assumedRoleARN: String
        public let assumedRoleID: String
    }

    public func assumeRole(
        roleARN: String, sessionName: String, externalID: String? = nil, durationSeconds: Int? = nil
    ) async throws -> AssumedRole {
        var parameters = QueryParameters(action: "AssumeRole", version: "2011-06-15")
        parameters.add("RoleArn", roleARN)
        parameters.add("RoleSessionName", sessionName)
        parameters.add("ExternalId", externalID)
        parameters.add("DurationSeconds", durationSeconds)
        return try Self.decodeAssumedRole(try await runtime.callQuery(Self.service, parameters), operation: "AssumeRole")
    }

    /// Unsigned: the web identity token is the proof.
    public func assumeRoleWithWebIdentity(
        roleARN: String, sessionName: String, webIdentityToken: String
    ) async throws -> AssumedRole {
        var parameters = QueryParameters(action: "AssumeRoleWithWebIdentity", version: "2011-06-15")
        parameters.add("RoleArn", roleARN)
        parameters.add("RoleSessionName", sessionName)
        parameters.add("WebIdentityToken", webIdentityToken)
        let result = try await runtime.callQuery(Self.service, parameters, isAnonymous: true)
        return try Self.decodeAssumedRole(result, operation: "AssumeRoleWithWebIdentity")
    }

    static func decodeAssumedRole(_ result: AWSXMLElement, operation: String) throws -> AssumedRole {
        guard let accessKey = result.string(at: "Credentials/AccessKeyId"),
            let secret = result.string(at: "Credentials/SecretAccessKey")
        else {
            throw AWSError.makeInvalidResponse(
                "\(operation) reply has no Credentials", body: [], statusCode: 200, service: "STS", operation: operation)
        }
        let credentials = AWSCredentials(
            accessKeyID: accessKey, secretAccessKey: secret,
            sessionToken: result.string(at: "Credentials/SessionToken"),
            expiration: result.string(at: "Credentials/Expiration").flatMap(CredentialsDocument.parseDate))
        return AssumedRole(
            credentials: credentials,
            assumedRoleARN: result.string(at: "AssumedRoleUser/Arn") ?? "",
            assumedRoleID: result.string(at: "AssumedRoleUser/AssumedRoleId") ?? "")
    }
}
