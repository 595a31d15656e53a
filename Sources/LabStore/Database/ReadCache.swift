import Foundation
import Synchronization

/// Keeps the two reads every page makes, session → learner and a learner's progress in a lab, in memory.
///
/// LabGuide's server is the only writer of its database and every write goes through `AppDatabase`, so each write
/// drops the entries it changes and the next read refills them. A read that raced a write is not kept: stores only
/// happen when no entry was dropped since the read began (the generation did not move).
final class ReadCache: Sendable {
    struct ProgressKey: Hashable {
        let learnerID: Int64
        let labID: String
    }

    struct SessionEntry {
        let learner: Learner
        let expiresAt: Date
    }

    private struct State {
        var generation: UInt64 = 0
        var sessions: [String: SessionEntry] = [:]
        var progress: [ProgressKey: [String: StepProgress]] = [:]
    }

    /// Beyond this many entries a map starts over rather than grow without bound.
    private let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int = 50_000) {
        self.capacity = capacity
    }

    /// Taken before reading SQLite, and handed back to `store…` afterwards.
    var generation: UInt64 { state.withLock { $0.generation } }

    func session(tokenHash: String) -> SessionEntry? {
        state.withLock { $0.sessions[tokenHash] }
    }

    func storeSession(_ entry: SessionEntry, tokenHash: String, readAt generation: UInt64) {
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.sessions.count >= capacity { state.sessions.removeAll(keepingCapacity: true) }
            state.sessions[tokenHash] = entry
        }
    }

    func dropSession(tokenHash: String) {
        state.withLock { state in
            state.generation &+= 1
            state.sessions[tokenHash] = nil
        }
    }

    func progress(_ key: ProgressKey) -> [String: StepProgress]? {
        state.withLock { $0.progress[key] }
    }

    func storeProgress(_ progress: [String: StepProgress], for key: ProgressKey, readAt generation: UInt64) {
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.progress.count >= capacity { state.progress.removeAll(keepingCapacity: true) }
            state.progress[key] = progress
        }
    }

    func dropProgress(_ key: ProgressKey) {
        state.withLock { state in
            state.generation &+= 1
            state.progress[key] = nil
        }
    }
}
