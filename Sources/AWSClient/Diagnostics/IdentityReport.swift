import Foundation

/// What `labguide aws whoami` prints: who the credentials belong to, where they came from, and which region and
/// endpoint the calls go to. The access key is shortened and the secret is never part of it.
public struct IdentityReport: Sendable {
    public let account: String
    public let arn: String
    public let userID: String
    public let region: String
    public let regionSource: String
    public let endpoint: String
    public let endpointSource: String
    public let credentialSource: CredentialSource
    public let accessKeyHint: String

    /// Calls STS `GetCallerIdentity` through the runtime.
    public static func make(runtime: AWSRuntime) async throws -> IdentityReport {
        let endpoint = try runtime.endpoint(for: .sts)
        let identity = try await STSClient(runtime: runtime).getCallerIdentity()
        let accessKey = (try? await runtime.credentialProvider.credentials())?.accessKeyID ?? ""
        return IdentityReport(
            account: identity.account, arn: identity.arn, userID: identity.userID, region: runtime.region,
            regionSource: runtime.configuration.regionSource ?? "explicit", endpoint: endpoint.url.absoluteString,
            endpointSource: endpoint.source, credentialSource: runtime.credentialSource,
            accessKeyHint: Self.hint(accessKey))
    }

    /// `AKIA…MPLE`: enough to tell keys apart, not enough to use one.
    static func hint(_ accessKeyID: String) -> String {
        guard accessKeyID.count > 8 else { return "…" }
        return "\(accessKeyID.prefix(4))…\(accessKeyID.suffix(4))"
    }

    /// Aligned `label: value` lines.
    public var lines: [String] {
        [
            "Account:     \(account)",
            "ARN:         \(arn)",
            "Region:      \(region) (from \(regionSource))",
            "Endpoint:    \(endpoint) (from \(endpointSource))",
            "Credentials: \(credentialSource) (access key \(accessKeyHint))",
        ]
    }
}
