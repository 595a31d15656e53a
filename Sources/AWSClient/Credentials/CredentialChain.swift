import Foundation
import Logging

/// The standard credential chain: environment → assume-role profile → web identity → profile keys → container →
/// EC2 instance metadata. The first source that is configured is used; a configured source that then fails is an
/// error rather than a silent fall-through, as in the SDKs.
struct CredentialChain {
    let configuration: AWSConfiguration
    let transport: any HTTPTransport
    let logger: Logger
    var now: @Sendable () -> Date = { Date() }

    init(configuration: AWSConfiguration, transport: any HTTPTransport, logger: Logger) {
        self.configuration = configuration
        self.transport = transport
        self.logger = logger
    }

    /// The sources tried, in order, for the "no credentials" message.
    var triedSources: [String] {
        var sources = [
            "environment (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY)",
            "profile \(configuration.profileName) in \(configuration.shared.configPath) and \(configuration.shared.credentialsPath)",
            "web identity (AWS_ROLE_ARN/AWS_WEB_IDENTITY_TOKEN_FILE)",
            "container (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI/FULL_URI)",
        ]
        sources.append(
            configuration.isInstanceMetadataDisabled
                ? "EC2 instance metadata (disabled by AWS_EC2_METADATA_DISABLED)" : "EC2 instance metadata")
        return sources
    }

    var noCredentialsMessage: String {
        "no AWS credentials found; tried " + triedSources.joined(separator: ", ")
            + ". Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or choose a profile with AWS_PROFILE or --profile "
            + "(create one with `aws configure`)."
    }

    func makeProvider() throws -> (any CredentialProvider, CredentialSource) {
        let environment = configuration.environment
        if let accessKey = environment["AWS_ACCESS_KEY_ID"] {
            guard let secret = environment["AWS_SECRET_ACCESS_KEY"] else {
                throw AWSError.makeNoCredentials("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not")
            }
            let credentials = AWSCredentials(
                accessKeyID: accessKey, secretAccessKey: secret, sessionToken: environment["AWS_SESSION_TOKEN"])
            return (StaticCredentialProvider(credentials), .environment)
        }
        if let profile = configuration.profile {
            if profile.roleARN != nil {
                return (try makeAssumeRoleProvider(profile: profile, visited: []), .assumeRole(profile: profile.name))
            }
        }
        if let roleARN = environment["AWS_ROLE_ARN"], let tokenFile = environment["AWS_WEB_IDENTITY_TOKEN_FILE"] {
            return (makeWebIdentityProvider(roleARN: roleARN, tokenFile: tokenFile), .webIdentity)
        }
        if let profile = configuration.profile, profile["aws_access_key_id"] != nil {
            return (try makeStaticProvider(profile: profile), .profile(profile.name))
        }
        if let container = try ContainerCredentialProvider.make(configuration: configuration, transport: transport) {
            return (RefreshingCredentialProvider(now: now) { try await container.fetch() }, .container)
        }
        guard !configuration.isInstanceMetadataDisabled else {
            throw AWSError.makeNoCredentials(noCredentialsMessage)
        }
        let metadata = InstanceMetadataCredentialProvider(
            endpoint: configuration.instanceMetadataEndpoint, transport: transport, timeout: .seconds(1))
        let message = noCredentialsMessage
        let provider = RefreshingCredentialProvider(now: now) {
            do {
                return try await metadata.fetch()
            } catch let error as AWSError where error.kind == .transport || error.kind == .timeout {
                throw AWSError.makeNoCredentials(message)
            }
        }
        return (provider, .instance)
    }

    func makeStaticProvider(profile: AWSProfile) throws -> StaticCredentialProvider {
        guard let accessKey = profile["aws_access_key_id"], let secret = profile["aws_secret_access_key"] else {
            throw AWSError.makeNoCredentials(
                "profile \(profile.name) has aws_access_key_id but no aws_secret_access_key")
        }
        return StaticCredentialProvider(
            AWSCredentials(accessKeyID: accessKey, secretAccessKey: secret, sessionToken: profile["aws_session_token"]))
    }
}
