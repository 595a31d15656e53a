/// Runs an operation against a deadline on an injected clock: whichever finishes first wins and the other is
/// cancelled. Tests drive the clock by hand, so a timeout needs no real waiting.
enum TimeoutRace {
    struct Expired: Error {}

    static func run<Value: Sendable>(
        timeout: Duration,
        clock: any Clock<Duration>,
        operation: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        try await withThrowingTaskGroup(of: Value.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await clock.sleep(for: timeout)
                throw Expired()
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw Expired() }
            return first
        }
    }
}
