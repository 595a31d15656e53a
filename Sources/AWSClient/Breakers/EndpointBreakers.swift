import Foundation
import Synchronization

/// One circuit breaker per (service, region, endpoint), created on first use, so that one failing endpoint cannot
/// open the circuit for the others.
public final class EndpointBreakers: Sendable {
    public struct Key: Hashable, Sendable, CustomStringConvertible {
        public let service: String
        public let region: String
        public let endpoint: String

        public var description: String { "\(service) \(region) \(endpoint)" }
    }

    private let clock: any Clock<Duration>
    private let breakers = Mutex<[Key: EndpointBreaker]>([:])

    public init(clock: any Clock<Duration> = ContinuousClock()) {
        self.clock = clock
    }

    func breaker(service: String, region: String, endpoint: URL) -> EndpointBreaker {
        let key = Key(service: service, region: region, endpoint: endpoint.absoluteString)
        return breakers.withLock { breakers in
            if let existing = breakers[key] { return existing }
            let created = EndpointBreaker(key: key)
            breakers[key] = created
            return created
        }
    }

    /// Every breaker's current state, for the instructor view.
    public func snapshots() -> [EndpointBreakerSnapshot] {
        breakers.withLock { Array($0.values) }.map { $0.snapshot() }.sorted { $0.key.description < $1.key.description }
    }
}

/// What a breaker looks like right now.
public struct EndpointBreakerSnapshot: Sendable {
    public let key: EndpointBreakers.Key
    public let state: String
    public let calls: Int
}
