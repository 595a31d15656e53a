/// What a scheduled event does when its time comes.
enum SimulationEventKind: UInt8 {
    /// A retry's backoff is over: the next attempt starts.
    case attemptStart
    /// An attempt ends from the caller's point of view: its response arrived or its timeout fired.
    case attemptEnd
    /// A call waiting for a bulkhead slot reaches its maximum wait (or its timeout).
    case bulkheadExpiry
}

/// One scheduled event; 24 bytes, no references, so the queue never touches the reference counter.
///
/// `order` (scheduling order, for first-in first-out ties) wraps after 4 billion events; a tie across the wrap
/// is broken the other way round, which keeps runs deterministic.
struct SimulationEvent {
    var time: Int64
    var order: UInt32
    var slot: Int32
    var serial: UInt32
    var kind: SimulationEventKind

    /// Earlier time first, then earlier scheduling; written without short-circuits so it compiles branch-free.
    @inline(__always)
    func precedes(_ other: SimulationEvent) -> Bool {
        let isEarlier = time < other.time
        let isSameTime = time == other.time
        let isScheduledBefore = order < other.order
        return isEarlier || (isSameTime && isScheduledBefore)
    }
}

/// A 4-ary min-heap of events ordered by time, then by scheduling order (so equal times run first-in first-out
/// and a run never depends on heap internals). Four children per node halve the depth of a binary heap, and the
/// hot path is the sift-down of `next()`, whose unpredictable branches cost more than the extra comparisons.
struct EventQueue {
    private var heap: ContiguousArray<SimulationEvent> = []
    private var nextOrder: UInt32 = 0

    init() {
        heap.reserveCapacity(1024)
    }

    var isEmpty: Bool { heap.isEmpty }

    mutating func schedule(_ kind: SimulationEventKind, at time: Int64, slot: Int32 = 0, serial: UInt32 = 0) {
        nextOrder &+= 1
        let event = SimulationEvent(time: time, order: nextOrder, slot: slot, serial: serial, kind: kind)
        heap.append(event)
        heap.withUnsafeMutableBufferPointer { heap in
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 4
                guard event.precedes(heap[parent]) else { break }
                heap[child] = heap[parent]
                child = parent
            }
            heap[child] = event
        }
    }

    /// The time of the earliest event, if any.
    var earliestTime: Int64? { heap.first?.time }

    mutating func next() -> SimulationEvent? {
        guard let last = heap.popLast() else { return nil }
        guard !heap.isEmpty else { return last }
        return heap.withUnsafeMutableBufferPointer { heap in
            let first = heap[0]
            let count = heap.count
            var parent = 0
            while true {
                let firstChild = 4 * parent + 1
                if firstChild >= count { break }
                var child = firstChild
                if firstChild + 3 < count {
                    // All four children exist: pick the earliest without branches the CPU would mispredict.
                    let left = heap[firstChild + 1].precedes(heap[firstChild]) ? firstChild + 1 : firstChild
                    let right = heap[firstChild + 3].precedes(heap[firstChild + 2]) ? firstChild + 3 : firstChild + 2
                    child = heap[right].precedes(heap[left]) ? right : left
                } else {
                    var candidate = firstChild + 1
                    while candidate < count {
                        if heap[candidate].precedes(heap[child]) { child = candidate }
                        candidate += 1
                    }
                }
                guard heap[child].precedes(last) else { break }
                heap[parent] = heap[child]
                parent = child
            }
            heap[parent] = last
            return first
        }
    }
}
