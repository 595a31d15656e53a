/// The simulation's pending events, earliest first: equal times in scheduling order, so a run never depends on
/// how the queue is laid out.
///
/// A calendar queue: a ring of buckets, each `2^shift` nanoseconds wide, covering the next `bucketCount` widths from
/// the bucket being drained (the cursor); events further out wait in an ``EventHeap`` and move into the ring as
/// the cursor comes within reach of them. Scheduling is O(1) (link into a bucket), and the next event is the
/// earliest of the cursor's bucket, which holds one or two events when the width suits the event rate. A heap
/// of the same events cost a chain of dependent loads and comparisons per event; this was the largest single
/// cost of the simulator.
///
/// Invariant: an event in the ring is in the cursor's bucket if it is due before the cursor's bucket ends
/// (possibly earlier than the bucket's start, when it was scheduled after the cursor moved ahead to find the next
/// event), else in the bucket of its time; the heap holds only events due at or after the ring's end.
struct EventQueue {
    private struct Node {
        var event: SimulationEvent
        /// The next node in the same bucket, or -1.
        var next: Int32
    }

    private static let bucketCount = 2048
    private let shift: Int64
    private let width: Int64
    private let horizon: Int64
    /// The first node of each bucket's list, or -1.
    private let buckets = ManualBuffer<Int32>(capacity: bucketCount, repeating: -1)
    private let nodes = ManualBuffer<Node>(capacity: 256)
    private var firstFreeNode: Int32 = -1
    private var eventsInRing = 0
    private var cursor = 0
    /// Where the cursor's bucket starts (a multiple of `width`).
    private var cursorStart: Int64 = 0
    private var overflow = EventHeap()
    private var nextOrder: UInt32 = 0
    /// The earliest event's node and the node before it in its bucket (-1 for the first), once located.
    private var earliestNode: Int32 = -1
    private var nodeBeforeEarliest: Int32 = -1

    /// - Parameter typicalGapNanoseconds: about how far apart events are; it sets the bucket width (only speed
    ///   depends on it, never the order of events).
    init(typicalGapNanoseconds: Double) {
        var shift: Int64 = 10
        while shift < 40, Double(Int64(1) << (shift + 1)) <= 4 * typicalGapNanoseconds { shift += 1 }
        self.shift = shift
        width = Int64(1) << shift
        horizon = width * Int64(Self.bucketCount)
    }

    var isEmpty: Bool { eventsInRing == 0 && overflow.isEmpty }

    mutating func schedule(_ kind: SimulationEventKind, at time: Int64, slot: Int32 = 0, serial: UInt32 = 0) {
        nextOrder &+= 1
        let event = SimulationEvent(time: time, order: nextOrder, slot: slot, serial: serial, kind: kind)
        if time - cursorStart >= horizon {
            overflow.insert(event)
        } else {
            insertIntoRing(event)
        }
    }

    /// The time of the earliest event, or `Int64.max` when there is none.
    var earliestTime: Int64 {
        mutating get {
            locateEarliest()
            return earliestNode < 0 ? .max : nodes.base[Int(earliestNode)].event.time
        }
    }

    mutating func next() -> SimulationEvent? {
        locateEarliest()
        guard earliestNode >= 0 else { return nil }
        let nodes = nodes.base
        let node = earliestNode
        let following = nodes[Int(node)].next
        if nodeBeforeEarliest < 0 {
            buckets.base[cursor] = following
        } else {
            nodes[Int(nodeBeforeEarliest)].next = following
        }
        nodes[Int(node)].next = firstFreeNode
        firstFreeNode = node
        eventsInRing -= 1
        earliestNode = -1
        return nodes[Int(node)].event
    }

    @inline(__always)
    private mutating func insertIntoRing(_ event: SimulationEvent) {
        let bucket: Int
        if event.time - cursorStart < width {
            bucket = cursor
            earliestNode = -1  // the new event may be earlier, and it becomes the bucket's first node
        } else {
            bucket = Int(truncatingIfNeeded: event.time >> shift) & (Self.bucketCount - 1)
        }
        let node: Int32
        if firstFreeNode >= 0 {
            node = firstFreeNode
            firstFreeNode = nodes.base[Int(node)].next
        } else {
            node = Int32(nodes.count)
            nodes.append(Node(event: event, next: -1))
        }
        nodes.base[Int(node)] = Node(event: event, next: buckets.base[bucket])
        buckets.base[bucket] = node
        eventsInRing += 1
    }

    /// Moves the cursor to the first bucket with an event and finds that bucket's earliest event.
    @inline(__always)
    private mutating func locateEarliest() {
        guard earliestNode < 0 else { return }
        while true {
            var node = buckets.base[cursor]
            if node >= 0 {
                let nodes = nodes.base
                var earliest = node
                var before: Int32 = -1
                var previous = node
                node = nodes[Int(node)].next
                while node >= 0 {
                    if nodes[Int(node)].event.precedes(nodes[Int(earliest)].event) {
                        earliest = node
                        before = previous
                    }
                    previous = node
                    node = nodes[Int(node)].next
                }
                earliestNode = earliest
                nodeBeforeEarliest = before
                return
            }
            if eventsInRing == 0 {
                guard !overflow.isEmpty else { return }
                // Nothing within reach: jump to the bucket of the heap's earliest event.
                cursorStart = (overflow.earliestTime >> shift) << shift
                cursor = Int(truncatingIfNeeded: cursorStart >> shift) & (Self.bucketCount - 1)
            } else {
                cursorStart += width
                cursor = (cursor + 1) & (Self.bucketCount - 1)
            }
            while overflow.earliestTime - cursorStart < horizon, let event = overflow.next() {
                insertIntoRing(event)
            }
        }
    }
}
