public import Foundation
public import Logging
public import Resilience

/// The shared machinery behind every service client: configuration, credentials, endpoint resolution, signing,
/// transport, retries and the per-endpoint circuit breakers. Service clients are thin structs over one runtime.
public struct AWSRuntime: Sendable {
    public let configuration: AWSConfiguration
    public let credentialProvider: any CredentialProvider
    public let credentialSource: CredentialSource
    public let transport: any HTTPTransport
    public let region: String
    /// Standard-mode retry with its quota, shared by every call made through this runtime.
    public let retry: Retry<AnyDurationClock>
    public let breakers: EndpointBreakers
    public let logger: Logger
    /// Monotonic clock for backoff sleeps and request timeouts.
    let clock: AnyDurationClock
    /// Wall clock for signing dates and credential expirations.
    let now: @Sendable () -> Date

    public init(
        configuration: AWSConfiguration,
        credentialProvider: any CredentialProvider,
        credentialSource: CredentialSource = .explicit,
        transport: (any HTTPTransport)? = nil,
        region: String? = nil,
        retry: Retry<AnyDurationClock>? = nil,
        breakers: EndpointBreakers? = nil,
        logger: Logger = Logger(label: "labguide.aws"),
        clock: AnyDurationClock = AnyDurationClock(ContinuousClock()),
        now: @escaping @Sendable () -> Date = { Date() },
        generator: any RandomNumberGenerator & Sendable = SystemRandomNumberGenerator()
    ) throws {
        guard let resolvedRegion = region ?? configuration.region else {
            throw AWSError.makeInvalidConfiguration(
                "no AWS region set: set AWS_REGION (or AWS_DEFAULT_REGION), add 'region' to profile "
                    + "\(configuration.profileName), or pass --region")
        }
        self.configuration = configuration
        self.credentialProvider = credentialProvider
        self.credentialSource = credentialSource
        self.transport = transport ?? AsyncHTTPClientTransport(connectTimeout: configuration.connectTimeout)
        self.region = resolvedRegion
        self.retry =
            retry ?? AWSRetryStrategy.makeRetry(maxAttempts: configuration.maxAttempts, clock: clock, generator: generator)
        self.breakers = breakers ?? EndpointBreakers(clock: clock, logger: logger)
        self.logger = logger
        self.clock = clock
        self.now = now
    }

    /// Resolves configuration and the credential chain the way the official SDKs do.
    public static func make(
        configuration: AWSConfiguration,
        transport: (any HTTPTransport)? = nil,
        logger: Logger = Logger(label: "labguide.aws")
    ) throws -> AWSRuntime {
        let transport = transport ?? AsyncHTTPClientTransport(connectTimeout: configuration.connectTimeout)
        let (provider, source) = try CredentialChain(configuration: configuration, transport: transport, logger: logger)
            .makeProvider()
        return try AWSRuntime(
            configuration: configuration, credentialProvider: provider, credentialSource: source,
            transport: transport, logger: logger)
    }

    /// A copy that uses other credentials (for assume-role source profiles and tests).
    public func withCredentials(_ provider: any CredentialProvider, source: CredentialSource) throws -> AWSRuntime {
        try AWSRuntime(
            configuration: configuration, credentialProvider: provider, credentialSource: source, transport: transport,
            region: region, retry: retry, breakers: breakers, logger: logger, clock: clock, now: now)
    }

    /// The endpoint a service is called at, with where that choice came from.
    public func endpoint(for service: ServiceDescriptor) throws -> EndpointResolver.ResolvedEndpoint {
        try EndpointResolver(configuration: configuration).resolve(service, region: region)
    }
}
