public import Foundation
public import Logging

/// The shared machinery behind every service client: configuration, credentials, endpoint resolution, signing,
/// transport, retries and the per-endpoint circuit breakers. Service clients are thin structs over one runtime.
public struct AWSRuntime: Sendable {
    public let configuration: AWSConfiguration
    public let credentialProvider: any CredentialProvider
    public let credentialSource: CredentialSource
    public let transport: any HTTPTransport
    public let region: String
    public let retryPolicy: StandardRetryPolicy
    public let retryQuota: RetryQuota
    public let breakers: EndpointBreakers
    public let logger: Logger
    /// Monotonic clock for backoff sleeps and request timeouts.
    let clock: any Clock<Duration>
    /// Wall clock for signing dates and credential expirations.
    let now: @Sendable () -> Date
    /// Uniform random numbers in `0..<1` for backoff jitter.
    let random: @Sendable () -> Double

    public init(
        configuration: AWSConfiguration,
        credentialProvider: any CredentialProvider,
        credentialSource: CredentialSource = .explicit,
        transport: (any HTTPTransport)? = nil,
        region: String? = nil,
        retryQuota: RetryQuota = RetryQuota(),
        breakers: EndpointBreakers? = nil,
        logger: Logger = Logger(label: "labguide.aws"),
        clock: any Clock<Duration> = ContinuousClock(),
        now: @escaping @Sendable () -> Date = { Date() },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) throws {
        guard let resolvedRegion = region ?? configuration.region else {
            throw AWSError.makeInvalidConfiguration(
                "no AWS region set: set AWS_REGION (or AWS_DEFAULT_REGION), add 'region' to profile "
                    + "\(configuration.profileName), or pass --region")
        }
        self.configuration = configuration
        self.credentialProvider = credentialProvider
        self.credentialSource = credentialSource
        self.transport = transport ?? URLSessionTransport(connectTimeout: configuration.connectTimeout)
        self.region = resolvedRegion
        self.retryPolicy = StandardRetryPolicy(maxAttempts: configuration.maxAttempts)
        self.retryQuota = retryQuota
        self.breakers = breakers ?? EndpointBreakers(clock: clock)
        self.logger = logger
        self.clock = clock
        self.now = now
        self.random = random
    }

    /// Resolves configuration and the credential chain the way the official SDKs do.
    public static func make(
        configuration: AWSConfiguration,
        transport: (any HTTPTransport)? = nil,
        logger: Logger = Logger(label: "labguide.aws")
    ) throws -> AWSRuntime {
        let transport = transport ?? URLSessionTransport(connectTimeout: configuration.connectTimeout)
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
            region: region, retryQuota: retryQuota, breakers: breakers, logger: logger, clock: clock, now: now,
            random: random)
    }

    /// The endpoint a service is called at, with where that choice came from.
    public func endpoint(for service: ServiceDescriptor) throws -> EndpointResolver.ResolvedEndpoint {
        try EndpointResolver(configuration: configuration).resolve(service, region: region)
    }
}
