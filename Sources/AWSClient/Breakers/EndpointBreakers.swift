public import Foundation
public import Logging
public import Resilience
import Synchronization

/// One circuit breaker per (service, region, endpoint), created on first use, so that one failing endpoint cannot
/// open the circuit for the others. Only the endpoint's health counts: 5xx answers, connection errors and timeouts
/// are failures; client errors (4xx) prove the endpoint answers; throttling and cancellation are ignored (the retry
/// quota handles throttling).
public final class EndpointBreakers: Sendable {
    public struct Key: Hashable, Sendable, CustomStringConvertible {
        public let service: String
        public let region: String
        public let endpoint: String

        public var description: String { "\(service) \(region) \(endpoint)" }
    }

    /// A breaker's state with its key, for the instructor view.
    public struct Snapshot: Sendable {
        public let key: Key
        public let breaker: CircuitBreakerSnapshot
    }

    /// Tuned for a class of learners rather than a fleet: it trips after 10 calls at 50 % failures within 10 s and
    /// probes again after 15 s. The window is by time, so failures from before an outage ended do not count against
    /// the endpoint once it is back; and there are four probes: when an endpoint comes back (a restarted sandbox), the first probe often meets a
    /// pooled connection the restart left dead, and one such failure in two would keep the circuit open.
    public static let defaultConfiguration = CircuitBreakerConfiguration(
        failureRateThreshold: 50, slowCallRateThreshold: 100, slowCallDurationThreshold: .seconds(10),
        minimumNumberOfCalls: 10, slidingWindow: .timeBased(seconds: 10), waitDurationInOpenState: .seconds(15),
        openWaitMultiplier: 2, maximumWaitDurationInOpenState: .seconds(120),
        permittedNumberOfCallsInHalfOpenState: 4, maxWaitDurationInHalfOpenState: .seconds(30))

    public let configuration: CircuitBreakerConfiguration
    private let clock: AnyDurationClock
    private let logger: Logger
    private let breakers = Mutex<[Key: CircuitBreaker<AnyDurationClock>]>([:])

    public init(
        configuration: CircuitBreakerConfiguration = EndpointBreakers.defaultConfiguration,
        clock: AnyDurationClock = AnyDurationClock(ContinuousClock()),
        logger: Logger = Logger(label: "labguide.aws.breakers")
    ) {
        self.configuration = configuration
        self.clock = clock
        self.logger = logger
    }

    /// The breaker for an endpoint; its name makes the rejection read "AWS SQS endpoint unavailable (…)".
    public func breaker(service: String, region: String, endpoint: URL) -> CircuitBreaker<AnyDurationClock> {
        let key = Key(service: service, region: region, endpoint: endpoint.absoluteString)
        return breakers.withLock { breakers in
            if let existing = breakers[key] { return existing }
            var breakerLogger = logger
            breakerLogger[metadataKey: "aws.service"] = "\(service)"
            breakerLogger[metadataKey: "aws.region"] = "\(region)"
            breakerLogger[metadataKey: "aws.endpoint"] = "\(key.endpoint)"
            let created = CircuitBreaker(
                name: "AWS \(service) endpoint", configuration: configuration, clock: clock, logger: breakerLogger,
                classifyError: Self.classify)
            breakers[key] = created
            return created
        }
    }

    /// Every breaker's current state, sorted by key.
    public func snapshots() -> [Snapshot] {
        breakers.withLock { $0.map { ($0.key, $0.value) } }
            .map { Snapshot(key: $0.0, breaker: $0.1.snapshot()) }
            .sorted { $0.key.description < $1.key.description }
    }

    @Sendable static func classify(_ error: any Error) -> CircuitBreakerOutcome {
        switch error {
        case is TimeoutError: return .failure
        case let error as AWSError:
            if error.kind == .transport || error.kind == .timeout { return .failure }
            if error.isThrottling || error.kind == .noCredentials || error.kind == .invalidConfiguration {
                return .ignored
            }
            if let status = error.statusCode, status >= 500 { return .failure }
            return .success
        default:
            return CircuitBreakerDefaults.classify(error)
        }
    }
}
