/// Thrown when an operation did not finish within its time limit (the operation was cancelled).
public struct TimeoutError: Error, Sendable, Hashable, CustomStringConvertible {
    public let limit: Duration
    public var description: String { "timed out after \(limit)" }
}

/// Bounds an operation's duration on an injected clock and cancels it when the limit passes.
///
/// Cancellation is cooperative: the operation must honour it (URLSession, `Task.sleep` and clocks do).
public struct Timeout<C: Clock>: Sendable where C.Duration == Duration {
    public let limit: Duration
    private let clock: C

    public init(_ limit: Duration, clock: C) {
        self.limit = limit
        self.clock = clock
    }

    private enum Race<T: Sendable>: Sendable {
        case finished(T)
        case timedOut
    }

    /// Runs `operation`, throwing ``TimeoutError`` and cancelling it if the limit passes first.
    public func execute<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        let clock = self.clock
        let limit = self.limit
        return try await withThrowingTaskGroup(of: Race<T>.self) { group in
            group.addTask { .finished(try await operation()) }
            group.addTask {
                try await clock.sleep(for: limit)
                return .timedOut
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw CancellationError() }
            switch first {
            case .finished(let value): return value
            case .timedOut: throw TimeoutError(limit: limit)
            }
        }
    }
}
