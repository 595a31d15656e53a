/// A growable buffer of plain values in one manually managed allocation, for the engine's hot structures.
///
/// `Array` checks for copy-on-write (a call into the runtime) on every mutation; at millions of events a second
/// those checks showed up in profiles next to the work itself. The buffer is a class, so copies of a struct that
/// holds one share it: it is meant for values the engine owns and never copies while running.
final class ManualBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var capacity: Int
    /// Elements in use, from `base[0]` to `base[count - 1]`.
    var count = 0

    init(capacity: Int, repeating value: Element? = nil) {
        self.capacity = max(1, capacity)
        base = .allocate(capacity: self.capacity)
        if let value {
            base.initialize(repeating: value, count: self.capacity)
            count = self.capacity
        }
    }

    deinit {
        base.deallocate()
    }

    @inline(__always)
    subscript(index: Int) -> Element {
        get { base[index] }
        set { base[index] = newValue }
    }

    var isEmpty: Bool { count == 0 }

    @inline(__always)
    func append(_ element: Element) {
        if count == capacity { grow() }
        base[count] = element
        count += 1
    }

    /// Removes and returns the last element; the buffer must not be empty.
    @inline(__always)
    func removeLast() -> Element {
        count -= 1
        return base[count]
    }

    /// Drops the first `prefix` elements, moving the rest to the front.
    func removeFirst(_ prefix: Int) {
        count -= prefix
        UnsafeMutableRawPointer(base).copyMemory(
            from: UnsafeRawPointer(base + prefix), byteCount: count * MemoryLayout<Element>.stride)
    }

    private func grow() {
        let newCapacity = capacity * 2
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
