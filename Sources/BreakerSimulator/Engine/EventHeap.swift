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

/// A 4-ary min-heap of events ordered by time, then by scheduling order: the ``EventQueue``'s overflow for events
/// beyond its calendar. Four children per node halve the depth of a binary heap.
///
/// `next()` sifts bottom-up (Floyd): the hole left by the earliest event walks down to a leaf along the earliest
/// children, then the last event climbs back from there. The last event usually belongs near the bottom, so this
/// saves a comparison per level and the branch that mispredicts where the walk stops.
struct EventHeap {
    private let heap = ManualBuffer<SimulationEvent>(capacity: 64)

    var isEmpty: Bool { heap.isEmpty }

    /// The time of the earliest event, or `Int64.max` when there is none.
    var earliestTime: Int64 { heap.isEmpty ? .max : heap.base[0].time }

    mutating func insert(_ event: SimulationEvent) {
        heap.append(event)
        siftUp(event, from: heap.count - 1, in: heap.base)
    }
    mutating func next() -> SimulationEvent? {
        guard !heap.isEmpty else { return nil }
        let last = heap.removeLast()
        let count = heap.count
        guard count > 0 else { return last }
        let heap = heap.base
        let first = heap[0]
        var hole = 0
        while true {
            let firstChild = 4 * hole + 1
            if firstChild + 3 < count {
                // All four children exist: pick the earliest without branches the CPU would mispredict.
                let left = heap[firstChild + 1].precedes(heap[firstChild]) ? firstChild + 1 : firstChild
                let right = heap[firstChild + 3].precedes(heap[firstChild + 2]) ? firstChild + 3 : firstChild + 2
                let child = heap[right].precedes(heap[left]) ? right : left
                heap[hole] = heap[child]
                hole = child
            } else {
                // A node with fewer than four children has only leaves below it.
                if firstChild < count {
                    var child = firstChild
                    var candidate = firstChild + 1
                    while candidate < count {
                        if heap[candidate].precedes(heap[child]) { child = candidate }
                        candidate += 1
                    }
                    heap[hole] = heap[child]
                    hole = child
                }
                break
            }
        }
        siftUp(last, from: hole, in: heap)
        return first
    }

    /// Places `event` in the hole at `index`, moving earlier-scheduled ancestors that it precedes down.
    @inline(__always)
    private func siftUp(_ event: SimulationEvent, from index: Int, in heap: UnsafeMutablePointer<SimulationEvent>) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 4
            guard event.precedes(heap[parent]) else { break }
            heap[child] = heap[parent]
            child = parent
        }
        heap[child] = event
    }
}
