public import Foundation

/// Every setting the client resolves from explicit values, the environment and the shared files, in the order the
/// official SDKs use. Build it with `AWSConfiguration.resolve(…)`.
public struct AWSConfiguration: Sendable {
    public var environment: AWSEnvironment
    public var shared: SharedConfiguration
    public var profileName: String
    /// Whether the profile was chosen explicitly (flag or `AWS_PROFILE`), so a missing one is an error.
    public var isProfileExplicit: Bool
    public var region: String?
    /// Where the region came from, for `whoami` (`AWS_REGION`, `profile dev`, `--region`).
    public var regionSource: String?
    public var retryMode: RetryMode
    /// Attempts in total, counting the first call.
    public var maxAttempts: Int
    public var connectTimeout: Duration
    public var requestTimeout: Duration
    /// Endpoints set in code (the `--endpoint-url` flag, the sandbox), by service identifier; they win over everything.
    public var endpointOverrides: [String: URL]
    /// An endpoint set in code for every service.
    public var globalEndpointOverride: URL?
    public var ignoresConfiguredEndpointURLs: Bool
    public var isInstanceMetadataDisabled: Bool
    /// EC2 instance metadata (IMDSv2) base URL; tests point it at a loopback stand-in.
    public var instanceMetadataEndpoint: URL
    /// Host used with `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`.
    public var containerCredentialsEndpoint: URL

    public enum RetryMode: String, Sendable {
        case standard, legacy, adaptive
    }

    /// The selected profile, or `nil` when the files do not have it.
    public var profile: AWSProfile? { shared.profile(named: profileName) }

    /// Resolves settings. `profileName` and `region` are explicit values (flags) that beat the environment.
    public static func resolve(
        environment: AWSEnvironment = .process,
        profileName explicitProfile: String? = nil,
        region explicitRegion: String? = nil
    ) throws -> AWSConfiguration {
        let shared: SharedConfiguration
        do {
            shared = try SharedConfiguration.load(environment: environment)
        } catch let error as SharedConfigFile.ParseError {
            throw AWSError.makeInvalidConfiguration(error.description)
        }
        let chosenProfile = explicitProfile ?? environment["AWS_PROFILE"] ?? environment["AWS_DEFAULT_PROFILE"]
        let profileName = chosenProfile ?? "default"
        let profile = shared.profile(named: profileName)
        if chosenProfile != nil && profile == nil {
            let known = shared.profileNames
            throw AWSError.makeInvalidConfiguration(
                "profile '\(profileName)' not found in \(shared.configPath) or \(shared.credentialsPath)"
                    + (known.isEmpty ? "" : " (known profiles: \(known.joined(separator: ", ")))"))
        }

        var region: String?
        var regionSource: String?
        if let explicitRegion {
            (region, regionSource) = (explicitRegion, "--region")
        } else if let value = environment["AWS_REGION"] {
            (region, regionSource) = (value, "AWS_REGION")
        } else if let value = environment["AWS_DEFAULT_REGION"] {
            (region, regionSource) = (value, "AWS_DEFAULT_REGION")
        } else if let value = profile?.region {
            (region, regionSource) = (value, "profile \(profileName)")
        }

        let modeText = environment["AWS_RETRY_MODE"] ?? profile?["retry_mode"] ?? "standard"
        guard let retryMode = RetryMode(rawValue: modeText.lowercased()) else {
            throw AWSError.makeInvalidConfiguration(
                "retry mode '\(modeText)' is not one of standard, legacy, adaptive (AWS_RETRY_MODE or retry_mode)")
        }
        let defaultAttempts = AWSRetryStrategy.defaultMaxAttempts(for: retryMode)
        var maxAttempts = defaultAttempts
        if let text = environment["AWS_MAX_ATTEMPTS"] ?? profile?["max_attempts"] {
            guard let value = Int(text), value >= 1 else {
                throw AWSError.makeInvalidConfiguration(
                    "max attempts '\(text)' is not a whole number of 1 or more (AWS_MAX_ATTEMPTS or max_attempts)")
            }
            maxAttempts = value
        }

        let metadataText = environment["AWS_EC2_METADATA_SERVICE_ENDPOINT"] ?? "http://169.254.169.254"
        let metadataEndpoint = try parseEndpoint(metadataText, setting: "AWS_EC2_METADATA_SERVICE_ENDPOINT")

        return AWSConfiguration(
            environment: environment,
            shared: shared,
            profileName: profileName,
            isProfileExplicit: chosenProfile != nil,
            region: region,
            regionSource: regionSource,
            retryMode: retryMode,
            maxAttempts: maxAttempts,
            connectTimeout: .seconds(3),
            requestTimeout: .seconds(10),
            endpointOverrides: [:],
            globalEndpointOverride: nil,
            ignoresConfiguredEndpointURLs: environment.isTrue("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")
                || profile?["ignore_configured_endpoint_urls"]?.lowercased() == "true",
            isInstanceMetadataDisabled: environment.isTrue("AWS_EC2_METADATA_DISABLED"),
            instanceMetadataEndpoint: metadataEndpoint,
            containerCredentialsEndpoint: URL(string: "http://169.254.170.2")!)
    }

    /// Parses an endpoint URL from a setting; anything without a scheme and a host is a configuration error that
    /// names the setting.
    static func parseEndpoint(_ text: String, setting: String) throws -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty
        else {
            throw AWSError.makeInvalidConfiguration("\(setting) is not an http(s) URL: '\(text)'")
        }
        return url
    }
}
