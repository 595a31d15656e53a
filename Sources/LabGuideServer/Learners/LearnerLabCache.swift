import LabContent
import LabStore
import Synchronization

/// Values derived once per learner and lab, such as their rendered variables.
///
/// They depend only on the learner's handle and prefix, which never change, and on the server's region and
/// account, which are fixed at start-up; deriving them on every page was a tenth of a page's cost. The cache is
/// bounded in entries and in bytes (by the caller's estimate of a value): past either it starts over.
final class LearnerLabCache<Value: Sendable>: Sendable {
    private struct Key: Hashable {
        let learnerID: Int64
        let labID: String
    }

    private struct State {
        var entries: [Key: Value] = [:]
        var bytes = 0
    }

    private let capacity: Int
    private let byteCapacity: Int
    private let bytes: @Sendable (Value) -> Int
    private let state = Mutex(State())

    init(capacity: Int = 50_000, byteCapacity: Int = 32 << 20, bytes: @escaping @Sendable (Value) -> Int) {
        self.capacity = capacity
        self.byteCapacity = byteCapacity
        self.bytes = bytes
    }

    /// Bytes held now, by the caller's estimate.
    var bytesHeld: Int { state.withLock { $0.bytes } }

    func value(for learner: Learner, in lab: Lab, make: () -> Value) -> Value {
        let key = Key(learnerID: learner.id ?? 0, labID: lab.id)
        if let cached = state.withLock({ $0.entries[key] }) { return cached }
        let value = make()
        let size = 64 + lab.id.utf8.count + bytes(value)
        state.withLock { state in
            if let old = state.entries.removeValue(forKey: key) { state.bytes -= 64 + lab.id.utf8.count + bytes(old) }
            if state.entries.count >= capacity || state.bytes + size > byteCapacity {
                state.entries.removeAll(keepingCapacity: true)
                state.bytes = 0
            }
            state.entries[key] = value
            state.bytes += size
        }
        return value
    }
}

extension LearnerVariables {
    /// The bytes of every name and value, for ``LearnerLabCache``.
    var estimatedBytes: Int {
        values.reduce(0) { $0 + 32 + $1.key.utf8.count + $1.value.text.utf8.count }
    }
}
