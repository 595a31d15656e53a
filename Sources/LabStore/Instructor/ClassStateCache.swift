import Synchronization

/// The class state every learner page's stream reads, kept until a commit changes it.
///
/// A broadcast wakes every open learner page at once (2,000 in the benchmark). They all ask at the same moment,
/// so the first one starts the read and the others wait for that same read: SQLite sees one query per change,
/// not one per page.
final class ClassStateCache: Sendable {
    private struct State {
        var entry: (generation: UInt64, state: ClassState)?
        var loading: (generation: UInt64, task: Task<ClassState, any Error>)?
    }

    private let state = Mutex(State())

    func state(at generation: UInt64) -> ClassState? {
        state.withLock { state in state.entry.flatMap { $0.generation == generation ? $0.state : nil } }
    }

    /// The state at `generation`, read by `read` once however many callers ask together.
    func load(at generation: UInt64, read: @escaping @Sendable () async throws -> ClassState) async throws -> ClassState {
        let task = state.withLock { state -> Task<ClassState, any Error> in
            if let loading = state.loading, loading.generation == generation { return loading.task }
            // An unstructured task, so that the callers who join it do not cancel each other's read.
            let task = Task { try await read() }
            state.loading = (generation, task)
            return task
        }
        let loaded: ClassState
        do {
            loaded = try await task.value
        } catch {
            // A failed read is not kept: the next caller tries again.
            state.withLock { state in if state.loading?.generation == generation { state.loading = nil } }
            throw error
        }
        state.withLock { state in
            if (state.entry?.generation ?? 0) <= generation { state.entry = (generation, loaded) }
            if state.loading?.generation == generation { state.loading = nil }
        }
        return loaded
    }
}
