import Foundation

/// ECS/EKS container credentials: `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` on `169.254.170.2` (configurable), or
/// `AWS_CONTAINER_CREDENTIALS_FULL_URI` on a loopback or the container agent's address, with an optional
/// `Authorization` token (`AWS_CONTAINER_AUTHORIZATION_TOKEN` or `…_TOKEN_FILE`).
struct ContainerCredentialProvider: Sendable {
    let url: URL
    let authorizationToken: String?
    let authorizationTokenFile: String?
    let transport: any HTTPTransport
    let timeout: Duration

    /// The provider the environment asks for, or `nil` when neither URI variable is set.
    static func make(
        configuration: AWSConfiguration, transport: any HTTPTransport
    ) throws -> ContainerCredentialProvider? {
        let environment = configuration.environment
        let url: URL
        if let relative = environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] {
            let base = configuration.containerCredentialsEndpoint.absoluteString
            guard let joined = URL(string: (base.hasSuffix("/") ? String(base.dropLast()) : base) + relative) else {
                throw AWSError.makeInvalidConfiguration("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI is not a path: '\(relative)'")
            }
            url = joined
        } else if let full = environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"] {
            url = try AWSConfiguration.parseEndpoint(full, setting: "AWS_CONTAINER_CREDENTIALS_FULL_URI")
            let allowedHosts: Set<String> = ["localhost", "127.0.0.1", "::1", "[::1]", "169.254.170.2", "169.254.170.23"]
            let host = url.host ?? ""
            guard url.scheme == "https" || allowedHosts.contains(host) || host.hasPrefix("127.") else {
                throw AWSError.makeInvalidConfiguration(
                    "AWS_CONTAINER_CREDENTIALS_FULL_URI must use https or a loopback host, not '\(host)'")
            }
        } else {
            return nil
        }
        return ContainerCredentialProvider(
            url: url,
            authorizationToken: environment["AWS_CONTAINER_AUTHORIZATION_TOKEN"],
            authorizationTokenFile: environment["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"],
            transport: transport,
            timeout: .seconds(2))
    }

    func fetch() async throws -> AWSCredentials {
        var request = AWSHTTPRequest(
            method: "GET", scheme: url.scheme ?? "http", host: url.host ?? "", port: url.port,
            path: url.path.isEmpty ? "/" : url.path)
        if let query = url.query {
            for pair in query.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { URIEncoding.decode(String($0)) }
                request.queryItems.append((parts[0], parts.count > 1 ? parts[1] : ""))
            }
        }
        if let file = authorizationTokenFile {
            let token = try String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            request.headers.add(name: "Authorization", value: token)
        } else if let authorizationToken {
            request.headers.add(name: "Authorization", value: authorizationToken)
        }
        let response = try await transport.send(request, timeout: timeout)
        guard response.isSuccess else {
            throw AWSError.makeNoCredentials("container credentials endpoint answered HTTP \(response.statusCode)")
        }
        return try CredentialsDocument.decode(response.body, source: "container credentials endpoint")
    }
}
