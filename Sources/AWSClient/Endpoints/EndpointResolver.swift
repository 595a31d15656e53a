public import Foundation

/// Chooses the endpoint URL for a service: explicit setting → `AWS_ENDPOINT_URL_<SERVICE>` → `AWS_ENDPOINT_URL` →
/// the profile's `endpoint_url` → the public AWS endpoint. `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true` skips the
/// environment and file settings (not the explicit ones).
public struct EndpointResolver: Sendable {
    public let configuration: AWSConfiguration

    public init(configuration: AWSConfiguration) {
        self.configuration = configuration
    }

    /// Where an endpoint came from, for `whoami` and `doctor`.
    public struct ResolvedEndpoint: Sendable, Equatable {
        public let url: URL
        public let source: String
        /// True when the URL is AWS's own default rather than a configured one.
        public let isDefault: Bool
    }

    public func resolve(_ service: ServiceDescriptor, region: String) throws -> ResolvedEndpoint {
        if let url = configuration.endpointOverrides[service.serviceID] {
            return ResolvedEndpoint(url: url, source: "explicit setting", isDefault: false)
        }
        if let url = configuration.globalEndpointOverride {
            return ResolvedEndpoint(url: url, source: "--endpoint-url", isDefault: false)
        }
        let environment = configuration.environment
        if !configuration.ignoresConfiguredEndpointURLs {
            if let text = environment[service.endpointEnvironmentKey] {
                let url = try AWSConfiguration.parseEndpoint(text, setting: service.endpointEnvironmentKey)
                return ResolvedEndpoint(url: url, source: service.endpointEnvironmentKey, isDefault: false)
            }
            if let text = environment["AWS_ENDPOINT_URL"] {
                let url = try AWSConfiguration.parseEndpoint(text, setting: "AWS_ENDPOINT_URL")
                return ResolvedEndpoint(url: url, source: "AWS_ENDPOINT_URL", isDefault: false)
            }
            if let text = configuration.profile?["endpoint_url"] {
                let setting = "endpoint_url in profile \(configuration.profileName)"
                return ResolvedEndpoint(
                    url: try AWSConfiguration.parseEndpoint(text, setting: setting), source: setting, isDefault: false)
            }
        }
        let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        let host = service.isGlobal ? "\(service.endpointPrefix).\(suffix)" : "\(service.endpointPrefix).\(region).\(suffix)"
        guard let url = URL(string: "https://\(host)") else {
            throw AWSError.makeInvalidConfiguration("region '\(region)' does not make a valid host name")
        }
        return ResolvedEndpoint(url: url, source: "AWS default", isDefault: true)
    }

    /// The region to sign with: global services sign in `us-east-1` when they use AWS's default endpoint.
    public func signingRegion(_ service: ServiceDescriptor, region: String, endpoint: ResolvedEndpoint) -> String {
        service.isGlobal && endpoint.isDefault ? (region.hasPrefix("cn-") ? "cn-north-1" : "us-east-1") : region
    }
}
