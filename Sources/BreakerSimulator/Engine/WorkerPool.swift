/// The inventory workers as the times their current calls finish, for a first-in first-out queue.
///
/// A call starts at once when some worker is free (fewer calls than workers, or a call finished by now), else
/// when the earliest busy worker finishes. Most of the time many workers are idle, and then no order is needed:
/// finish times are appended unsorted, and finished ones are swept out in one pass only when the pool looks full
/// (about once per `concurrency` calls, so a fraction of an element per call). Only a pool that stays full needs
/// the earliest finish time for every call; then the times are kept as a 4-ary min-heap, with a sweep every
/// `concurrency` calls to notice when the load has dropped. Which worker serves a call never shows in the results
/// (they are interchangeable), so both layouts give the same start times.
struct WorkerPool {
    private let concurrency: Int
    /// Finish times of the calls that hold a worker, including calls already finished but not swept out yet.
    private let finishTimes: ManualBuffer<Int64>
    /// Whether `finishTimes` is ordered as a min-heap (only while the pool is full).
    private var isHeap = false
    private var callsSinceHeapified = 0

    init(concurrency: Int) {
        self.concurrency = max(1, concurrency)
        finishTimes = ManualBuffer(capacity: self.concurrency)
    }

    /// Whether a call arriving at `now` can start at once; readies the pool for ``assign(at:service:)``.
    @inline(__always)
    mutating func hasFreeWorker(at now: Int64) -> Bool {
        if finishTimes.count < concurrency { return true }
        if isHeap {
            if finishTimes.base[0] > now { return false }
            if callsSinceHeapified < concurrency { return true }
        }
        return sweepOrHeapify(at: now)
    }

    /// Gives a call needing `service` nanoseconds to a worker and returns when it starts; call
    /// ``hasFreeWorker(at:)`` with the same `now` first.
    @inline(__always)
    mutating func assign(at now: Int64, service: Int64) -> Int64 {
        if finishTimes.count < concurrency {
            finishTimes.append(now + service)
            isHeap = false
            return now
        }
        let start = max(now, finishTimes.base[0])
        Self.siftDown(start + service, from: 0, in: finishTimes.base, count: finishTimes.count)
        callsSinceHeapified += 1
        return start
    }

    /// Sweeps out the calls finished by `now`; if every worker is still busy, orders the times as a heap.
    private mutating func sweepOrHeapify(at now: Int64) -> Bool {
        let times = finishTimes.base
        var kept = 0
        for index in 0..<finishTimes.count {
            let time = times[index]
            times[kept] = time
            kept += time > now ? 1 : 0
        }
        finishTimes.count = kept
        isHeap = false
        if kept < concurrency { return true }
        var parent = (kept - 2) / 4
        while parent >= 0 {
            Self.siftDown(times[parent], from: parent, in: times, count: kept)
            parent -= 1
        }
        isHeap = true
        callsSinceHeapified = 0
        return false
    }

    /// Puts `time` at `index` of the heap in `times[0..<count]` and sifts it down to its place.
    @inline(__always)
    private static func siftDown(_ time: Int64, from index: Int, in times: UnsafeMutablePointer<Int64>, count: Int) {
        var parent = index
        while true {
            let first = 4 * parent + 1
            if first >= count { break }
            var child = first
            var earliest = times[first]
            if first + 3 < count {
                // All four children exist: pick the earliest without branches the CPU would mispredict.
                let left = times[first + 1] < earliest ? first + 1 : first
                let leftTime = times[left]
                let right = times[first + 3] < times[first + 2] ? first + 3 : first + 2
                let rightTime = times[right]
                child = rightTime < leftTime ? right : left
                earliest = rightTime < leftTime ? rightTime : leftTime
            } else {
                var candidate = first + 1
                while candidate < count {
                    if times[candidate] < earliest {
                        child = candidate
                        earliest = times[candidate]
                    }
                    candidate += 1
                }
            }
            guard earliest < time else { break }
            times[parent] = earliest
            parent = child
        }
        times[parent] = time
    }
}
