import Synchronization

/// A clock for retry tests: sleeps shorter than `parkingThreshold` (backoff pauses) are recorded and return at once;
/// longer ones (the request timeout's deadline) park until cancelled, so a prompt answer always wins the race and no
/// test waits in real time.
final class BackoffRecordingClock: Clock, Sendable {
    typealias Instant = ContinuousClock.Instant

    let parkingThreshold: Duration
    private let recorded = Mutex<[Duration]>([])

    init(parkingThreshold: Duration = .seconds(5)) {
        self.parkingThreshold = parkingThreshold
    }

    var now: Instant { ContinuousClock.now }
    var minimumResolution: Duration { .zero }

    /// The backoff pauses requested so far, in order.
    var sleeps: [Duration] { recorded.withLock { $0 } }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        let duration = ContinuousClock.now.duration(to: deadline)
        if duration >= parkingThreshold {
            try await ContinuousClock().sleep(for: .seconds(3600))
            return
        }
        recorded.withLock { $0.append(duration) }
        try Task.checkCancellation()
    }
}

/// Always the same raw value, so full-jitter backoff becomes a fixed fraction of its ceiling.
struct ConstantRandomNumberGenerator: RandomNumberGenerator, Sendable {
    let value: UInt64
    mutating func next() -> UInt64 { value }
}
