import Synchronization

/// The breaker guarding one endpoint.
final class EndpointBreaker: Sendable {
    let key: EndpointBreakers.Key
    private let callCount = Mutex(0)

    init(key: EndpointBreakers.Key) {
        self.key = key
    }

    func run<Value: Sendable>(_ operation: () async throws -> Value) async throws -> Value {
        callCount.withLock { $0 += 1 }
        return try await operation()
    }

    func snapshot() -> EndpointBreakerSnapshot {
        EndpointBreakerSnapshot(key: key, state: "closed", calls: callCount.withLock { $0 })
    }
}
