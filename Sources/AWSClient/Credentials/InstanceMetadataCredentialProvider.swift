import Foundation

/// EC2 instance credentials through IMDSv2: a session token from `PUT /latest/api/token`, then the role name and its
/// credentials under `/latest/meta-data/iam/security-credentials/`.
struct InstanceMetadataCredentialProvider: Sendable {
    let endpoint: URL
    let transport: any HTTPTransport
    let timeout: Duration

    private static let credentialsPath = "/latest/meta-data/iam/security-credentials/"

    func fetch() async throws -> AWSCredentials {
        var tokenRequest = makeRequest(method: "PUT", path: "/latest/api/token")
        tokenRequest.headers.add(name: "X-aws-ec2-metadata-token-ttl-seconds", value: "21600")
        let tokenResponse = try await transport.send(tokenRequest, timeout: timeout)
        guard tokenResponse.isSuccess else {
            throw AWSError.makeNoCredentials("instance metadata refused a session token (HTTP \(tokenResponse.statusCode))")
        }
        let token = String(decoding: tokenResponse.body, as: UTF8.self)

        var roleRequest = makeRequest(method: "GET", path: Self.credentialsPath)
        roleRequest.headers.add(name: "X-aws-ec2-metadata-token", value: token)
        let roleResponse = try await transport.send(roleRequest, timeout: timeout)
        let roleName =
            String(decoding: roleResponse.body, as: UTF8.self)
            .split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        guard roleResponse.isSuccess, !roleName.isEmpty else {
            throw AWSError.makeNoCredentials("this instance has no IAM role (instance metadata HTTP \(roleResponse.statusCode))")
        }

        var credentialsRequest = makeRequest(method: "GET", path: Self.credentialsPath + URIEncoding.encode(roleName))
        credentialsRequest.headers.add(name: "X-aws-ec2-metadata-token", value: token)
        let response = try await transport.send(credentialsRequest, timeout: timeout)
        guard response.isSuccess else {
            throw AWSError.makeNoCredentials("instance metadata answered HTTP \(response.statusCode) for role \(roleName)")
        }
        return try CredentialsDocument.decode(response.body, source: "instance metadata")
    }

    private func makeRequest(method: String, path: String) -> AWSHTTPRequest {
        let basePath = endpoint.path.hasSuffix("/") ? String(endpoint.path.dropLast()) : endpoint.path
        return AWSHTTPRequest(
            method: method, scheme: endpoint.scheme ?? "http", host: endpoint.host ?? "", port: endpoint.port,
            path: basePath + path)
    }
}
