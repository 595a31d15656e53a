/// Running counts of calls, failures and slow calls over a count-based or time-based window.
///
/// Both kinds keep a ring and running totals, so recording a call is O(1) and reading a rate costs nothing:
/// the simulator records millions of calls a second through this type.
struct SlidingWindowMetrics: Sendable, Hashable {
    private static let failureFlag: UInt8 = 1
    private static let slowFlag: UInt8 = 2

    private let isTimeBased: Bool
    /// Count window: one flag byte per call slot. Time window: unused.
    private var outcomes: [UInt8]
    /// Time window: calls, failures and slow calls per one-second bucket, and the second each bucket holds.
    private var bucketCalls: [Int32]
    private var bucketFailures: [Int32]
    private var bucketSlowCalls: [Int32]
    private var bucketSecond: [Int64]
    private var nextSlot = 0
    private var filledSlots = 0

    private(set) var numberOfCalls = 0
    private(set) var numberOfFailedCalls = 0
    private(set) var numberOfSlowCalls = 0

    init(_ window: CircuitBreakerConfiguration.SlidingWindow) {
        switch window {
        case .countBased(let size):
            isTimeBased = false
            outcomes = Array(repeating: 0, count: max(1, size))
            bucketCalls = []
            bucketFailures = []
            bucketSlowCalls = []
            bucketSecond = []
        case .timeBased(let seconds):
            let count = max(1, seconds)
            isTimeBased = true
            outcomes = []
            bucketCalls = Array(repeating: 0, count: count)
            bucketFailures = Array(repeating: 0, count: count)
            bucketSlowCalls = Array(repeating: 0, count: count)
            bucketSecond = Array(repeating: Int64.min, count: count)
        }
    }

    var failureRate: Double {
        numberOfCalls == 0 ? 0 : Double(numberOfFailedCalls) * 100 / Double(numberOfCalls)
    }

    var slowCallRate: Double {
        numberOfCalls == 0 ? 0 : Double(numberOfSlowCalls) * 100 / Double(numberOfCalls)
    }

    /// Adds one completed call at `now` nanoseconds; a time window first drops the seconds that have aged out.
    mutating func record(isFailure: Bool, isSlow: Bool, nanoseconds now: Int64) {
        if isTimeBased {
            // Whole seconds toward zero, as `Duration.components` counts them.
            recordInTimeWindow(isFailure: isFailure, isSlow: isSlow, second: now / 1_000_000_000)
        } else {
            recordInCountWindow(isFailure: isFailure, isSlow: isSlow)
        }
    }

    /// Drops whatever a time window no longer covers at `second`; a count window never ages.
    mutating func age(second: Int64) {
        guard isTimeBased else { return }
        for index in bucketSecond.indices where bucketSecond[index] != Int64.min {
            if bucketSecond[index] <= second - Int64(bucketSecond.count) { clearBucket(index) }
        }
    }

    private mutating func recordInCountWindow(isFailure: Bool, isSlow: Bool) {
        let slot = nextSlot
        let flags = (isFailure ? Self.failureFlag : 0) | (isSlow ? Self.slowFlag : 0)
        let evicted = outcomes.withUnsafeMutableBufferPointer { outcomes in
            let evicted = outcomes[slot]
            outcomes[slot] = flags
            return evicted
        }
        if filledSlots == outcomes.count {
            numberOfCalls -= 1
            if evicted & Self.failureFlag != 0 { numberOfFailedCalls -= 1 }
            if evicted & Self.slowFlag != 0 { numberOfSlowCalls -= 1 }
        } else {
            filledSlots += 1
        }
        nextSlot = slot + 1 == outcomes.count ? 0 : slot + 1
        numberOfCalls += 1
        if isFailure { numberOfFailedCalls += 1 }
        if isSlow { numberOfSlowCalls += 1 }
    }

    private mutating func recordInTimeWindow(isFailure: Bool, isSlow: Bool, second: Int64) {
        let count = Int64(bucketSecond.count)
        let index = Int(((second % count) + count) % count)
        if bucketSecond[index] != second {
            if bucketSecond[index] != Int64.min, bucketSecond[index] > second {
                return  // Older than everything the window still covers.
            }
            age(second: second)
            clearBucket(index)
            bucketSecond[index] = second
        }
        bucketCalls[index] += 1
        numberOfCalls += 1
        if isFailure {
            bucketFailures[index] += 1
            numberOfFailedCalls += 1
        }
        if isSlow {
            bucketSlowCalls[index] += 1
            numberOfSlowCalls += 1
        }
    }

    private mutating func clearBucket(_ index: Int) {
        numberOfCalls -= Int(bucketCalls[index])
        numberOfFailedCalls -= Int(bucketFailures[index])
        numberOfSlowCalls -= Int(bucketSlowCalls[index])
        bucketCalls[index] = 0
        bucketFailures[index] = 0
        bucketSlowCalls[index] = 0
        bucketSecond[index] = Int64.min
    }
}
