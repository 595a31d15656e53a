/// A type-erased `Clock` measured in `Duration`, so that the runtime can hold the `Resilience` types (generic over
/// their clock) while callers inject any clock: `ContinuousClock` in production, `ManualClock` in tests.
/// Instants are offsets from the moment the wrapper was made.
public struct AnyDurationClock: Clock, Sendable {
    public struct Instant: InstantProtocol, Sendable, Hashable {
        public var offset: Duration

        public init(offset: Duration) { self.offset = offset }
        public func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        public func duration(to other: Instant) -> Duration { other.offset - offset }
        public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private let elapsed: @Sendable () -> Duration
    private let sleeper: @Sendable (Duration) async throws -> Void
    public let minimumResolution: Duration

    public init<C: Clock>(_ base: C) where C.Duration == Duration {
        let origin = base.now
        elapsed = { origin.duration(to: base.now) }
        sleeper = { duration in try await base.sleep(for: duration) }
        minimumResolution = base.minimumResolution
    }

    public var now: Instant { Instant(offset: elapsed()) }

    public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        let remaining = now.duration(to: deadline)
        if remaining > .zero {
            try await sleeper(remaining)
        } else {
            try Task.checkCancellation()
        }
    }
}
