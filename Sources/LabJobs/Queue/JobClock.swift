public import Foundation
public import Resilience

/// The queue's sense of time: wall dates for the rows it stores, and an injected `Clock` for every wait.
///
/// Leases, heartbeats and backoff all read this, so a test drives them with a `ManualClock` and never sleeps.
public struct JobClock: Sendable {
    public let now: @Sendable () -> Date
    private let sleeper: @Sendable (Duration) async throws -> Void

    /// Dates from `now`, waits on `clock`.
    public init<C: Clock>(_ clock: C, now: @escaping @Sendable () -> Date) where C.Duration == Duration {
        self.now = now
        self.sleeper = { duration in try await clock.sleep(for: duration) }
    }

    /// The real time.
    public static let system = JobClock(ContinuousClock(), now: { Date() })

    /// A manual clock whose instant zero is `origin`: dates move only when the test advances it.
    public static func manual(_ clock: ManualClock, origin: Date) -> JobClock {
        JobClock(clock, now: { origin.addingTimeInterval(clock.now.offset.seconds) })
    }

    /// Waits; throws `CancellationError` when the task is cancelled.
    public func sleep(for duration: Duration) async throws {
        try await sleeper(duration)
    }

    /// The date `duration` from now.
    func date(after duration: Duration) -> Date {
        now().addingTimeInterval(duration.seconds)
    }
}

extension Duration {
    /// This duration in seconds, for `Date` arithmetic and metrics.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
