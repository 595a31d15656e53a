/// The request slots in one manually managed buffer.
///
/// The engine reads and writes a slot a dozen times per attempt; an `Array` would check for copy-on-write on every
/// write, which showed up as the single largest runtime call in profiles. `RequestSlot` holds only plain values,
/// so the buffer needs no reference counting, and only grows (doubling) while the run warms up.
final class RequestSlots {
    private var base: UnsafeMutablePointer<RequestSlot>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 1024) {
        self.capacity = max(1, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// Adds a fresh slot and returns its index.
    func append() -> Int32 {
        if count == capacity { grow() }
        (base + count).initialize(to: RequestSlot())
        count += 1
        return Int32(count - 1)
    }

    subscript(index: Int) -> RequestSlot {
        unsafeAddress { UnsafePointer(base + index) }
        unsafeMutableAddress { base + index }
    }

    private func grow() {
        let newCapacity = capacity * 2
        let newBase = UnsafeMutablePointer<RequestSlot>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
