/// A log-linear histogram of latencies in microseconds (32 buckets per power of two, about 3 % resolution), so
/// percentiles over millions of calls cost a fixed 5 KB and no sorting.
///
/// The counts live in a ``ManualBuffer`` (no copy-on-write check per call), so a copy shares them: the recorder
/// owns each histogram and only passes them to `merge(_:)`, which reads.
struct LatencyHistogram {
    private static let subBuckets = 32
    private static let bucketCount = 64 + 40 * subBuckets
    private let counts: ManualBuffer<Int32>
    private var lowestIndex = Int.max
    private var highestIndex = -1
    private(set) var count = 0

    init() {
        counts = ManualBuffer(capacity: Self.bucketCount, repeating: 0)
    }

    var isEmpty: Bool { count == 0 }

    /// Adds one latency given in nanoseconds.
    @inline(__always)
    mutating func record(nanoseconds: Int64) {
        let index = Self.index(microseconds: UInt64(max(0, nanoseconds / 1000)))
        counts.base[index] += 1
        count += 1
        if index < lowestIndex { lowestIndex = index }
        if index > highestIndex { highestIndex = index }
    }

    /// The nearest-rank percentile in milliseconds (bucket midpoint), or `nil` when empty.
    func percentileMilliseconds(_ fraction: Double) -> Double? {
        guard count > 0 else { return nil }
        let rank = max(1, Int((fraction * Double(count)).rounded(.up)))
        var seen = 0
        for index in lowestIndex...highestIndex {
            seen += Int(counts[index])
            if seen >= rank { return Self.midpointMicroseconds(index) / 1000 }
        }
        return Self.midpointMicroseconds(highestIndex) / 1000
    }

    /// Adds every latency of `other` (the per-second histogram into the run's), touching only its buckets in use.
    mutating func merge(_ other: LatencyHistogram) {
        guard other.count > 0 else { return }
        for index in other.lowestIndex...other.highestIndex { counts[index] += other.counts[index] }
        count += other.count
        lowestIndex = min(lowestIndex, other.lowestIndex)
        highestIndex = max(highestIndex, other.highestIndex)
    }

    /// Empties the histogram, touching only the buckets in use.
    mutating func reset() {
        guard count > 0 else { return }
        for index in lowestIndex...highestIndex { counts[index] = 0 }
        count = 0
        lowestIndex = Int.max
        highestIndex = -1
    }

    @inline(__always)
    static func index(microseconds value: UInt64) -> Int {
        if value < 64 { return Int(value) }
        let exponent = 63 - value.leadingZeroBitCount
        let mantissa = Int(value >> UInt64(exponent - 5))
        return min(bucketCount - 1, 64 + (exponent - 6) * subBuckets + (mantissa - subBuckets))
    }

    static func midpointMicroseconds(_ index: Int) -> Double {
        if index < 64 { return Double(index) }
        let exponent = (index - 64) / subBuckets + 6
        let mantissa = (index - 64) % subBuckets + subBuckets
        let width = Double(1 << (exponent - 5))
        return Double(mantissa) * width + width / 2 - 0.5
    }
}
