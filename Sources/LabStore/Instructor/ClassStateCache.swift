import Synchronization

/// The class state every learner page's stream reads, kept until a commit changes it.
///
/// A broadcast wakes every open learner page at once (2,000 in the benchmark); the first reader after the change
/// reads SQLite and the others share its answer, tagged with the generation it was read at.
final class ClassStateCache: Sendable {
    private let entry = Mutex<(generation: UInt64, state: ClassState)?>(nil)

    func state(at generation: UInt64) -> ClassState? {
        entry.withLock { entry in entry.flatMap { $0.generation == generation ? $0.state : nil } }
    }

    func store(_ state: ClassState, readAt generation: UInt64) {
        entry.withLock { entry in
            if let current = entry, current.generation > generation { return }
            entry = (generation, state)
        }
    }
}
