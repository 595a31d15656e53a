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
        var sessionBytes = 0
        var progress: [ProgressKey: [String: StepProgress]] = [:]
        var progressBytes = 0
    }

    /// Beyond this many entries a map starts over rather than grow without bound.
    private let capacity: Int
    /// Beyond this many bytes (estimated from the strings held) a map starts over too: entries vary in size, so
    /// a count alone bounds nothing.
    private let byteCapacity: Int
    private let state = Mutex(State())

    init(capacity: Int = 50_000, byteCapacity: Int = 32 << 20) {
        self.capacity = capacity
        self.byteCapacity = byteCapacity
    }

    /// What an entry holds, roughly: its strings' bytes plus a fixed share for the rest of the record.
    static func bytes(of entry: SessionEntry, tokenHash: String) -> Int {
        let learner = entry.learner
        return 128 + tokenHash.utf8.count + learner.name.utf8.count + learner.handle.utf8.count
            + learner.resourcePrefix.utf8.count
    }

    static func bytes(of progress: [String: StepProgress], for key: ProgressKey) -> Int {
        progress.reduce(64 + key.labID.utf8.count) { total, entry in
            total + 96 + entry.key.utf8.count + entry.value.labID.utf8.count + entry.value.stepID.utf8.count
        }
    }

    /// Bytes held now, by the same estimate that bounds them.
    var bytesHeld: (sessions: Int, progress: Int) { state.withLock { ($0.sessionBytes, $0.progressBytes) } }

    /// Taken before reading SQLite, and handed back to `store…` afterwards.
    var generation: UInt64 { state.withLock { $0.generation } }

    func session(tokenHash: String) -> SessionEntry? {
        state.withLock { $0.sessions[tokenHash] }
    }

    func storeSession(_ entry: SessionEntry, tokenHash: String, readAt generation: UInt64) {
        state.withLock { state in
            guard state.generation == generation else { return }
            let bytes = Self.bytes(of: entry, tokenHash: tokenHash)
            if let old = state.sessions.removeValue(forKey: tokenHash) {
                state.sessionBytes -= Self.bytes(of: old, tokenHash: tokenHash)
            }
            if state.sessions.count >= capacity || state.sessionBytes + bytes > byteCapacity {
                state.sessions.removeAll(keepingCapacity: true)
                state.sessionBytes = 0
            }
            state.sessions[tokenHash] = entry
            state.sessionBytes += bytes
        }
    }

    func dropSession(tokenHash: String) {
        state.withLock { state in
            state.generation &+= 1
            if let old = state.sessions.removeValue(forKey: tokenHash) {
                state.sessionBytes -= Self.bytes(of: old, tokenHash: tokenHash)
            }
        }
    }

    func progress(_ key: ProgressKey) -> [String: StepProgress]? {
        state.withLock { $0.progress[key] }
    }

    func storeProgress(_ progress: [String: StepProgress], for key: ProgressKey, readAt generation: UInt64) {
        state.withLock { state in
            guard state.generation == generation else { return }
            let bytes = Self.bytes(of: progress, for: key)
            if let old = state.progress.removeValue(forKey: key) { state.progressBytes -= Self.bytes(of: old, for: key) }
            if state.progress.count >= capacity || state.progressBytes + bytes > byteCapacity {
                state.progress.removeAll(keepingCapacity: true)
                state.progressBytes = 0
            }
            state.progress[key] = progress
            state.progressBytes += bytes
        }
    }

    func dropProgress(_ key: ProgressKey) {
        state.withLock { state in
            state.generation &+= 1
            if let old = state.progress.removeValue(forKey: key) { state.progressBytes -= Self.bytes(of: old, for: key) }
        }
    }
}
