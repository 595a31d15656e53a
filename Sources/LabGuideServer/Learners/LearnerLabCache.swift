import LabContent
import LabStore
import Synchronization

/// Values derived once per learner and lab, such as their rendered variables.
///
/// They depend only on the learner's handle and prefix, which never change, and on the server's region and
/// account, which are fixed at start-up; deriving them on every page was a tenth of a page's cost.
final class LearnerLabCache<Value: Sendable>: Sendable {
    private struct Key: Hashable {
        let learnerID: Int64
        let labID: String
    }

    private let capacity: Int
    private let entries = Mutex<[Key: Value]>([:])

    init(capacity: Int = 50_000) {
        self.capacity = capacity
    }

    func value(for learner: Learner, in lab: Lab, make: () -> Value) -> Value {
        let key = Key(learnerID: learner.id ?? 0, labID: lab.id)
        if let cached = entries.withLock({ $0[key] }) { return cached }
        let value = make()
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = value
        }
        return value
    }
}
