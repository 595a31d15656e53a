import Foundation
import Resilience

/// The clients' Poisson arrivals: exponential gaps from their own seeded stream, computed a batch at a time.
///
/// Each gap needs a `log`; one at a time, every arrival waited for its `log` to finish. The gaps depend only on
/// the arrival stream, so a batch of them is independent work the processor overlaps, and the times are exactly
/// those of drawing one ahead.
struct ArrivalSchedule {
    private static let batchSize = 256
    private var generator: SeededRandomNumberGenerator
    private let meanInterarrivalNanoseconds: Double
    private let endNanoseconds: Int64
    private let times = ManualBuffer<Int64>(capacity: batchSize)
    private var nextIndex = 0
    private var lastTime: Int64 = 0

    init(seed: UInt64, meanInterarrivalNanoseconds: Double, endNanoseconds: Int64) {
        generator = SeededRandomNumberGenerator(seed: seed)
        self.meanInterarrivalNanoseconds = meanInterarrivalNanoseconds
        self.endNanoseconds = endNanoseconds
    }

    /// The next arrival time, or `Int64.max` once the next one would fall at or after the end of the run.
    @inline(__always)
    mutating func next() -> Int64 {
        if nextIndex == times.count { refill() }
        let time = times[nextIndex]
        nextIndex += 1
        return time < endNanoseconds ? time : .max
    }

    private mutating func refill() {
        let times = times.base
        var time = lastTime
        for index in 0..<Self.batchSize {
            let unit = generator.nextUnitInterval()
            let gap = Int64(-log(1 - unit) * meanInterarrivalNanoseconds)
            time += max(1, gap)
            times[index] = time
        }
        self.times.count = Self.batchSize
        lastTime = time
        nextIndex = 0
    }
}
