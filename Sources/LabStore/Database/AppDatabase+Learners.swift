public import Foundation
import GRDB

extension AppDatabase {
    /// Stores a new learner and their `joined` event; fails with `LearnerStoreError.handleTaken` on a handle clash.
    public func createLearner(_ learner: Learner) async throws -> Learner {
        try await writer.write { db in
            if try Learner.filter(Learner.Columns.handle == learner.handle).fetchCount(db) > 0 {
                throw LearnerStoreError.handleTaken
            }
            var learner = learner
            try learner.insert(db)
            var event = LearnerEvent(
                learnerID: learner.id ?? 0, kind: .joined, labID: nil, stepID: nil, createdAt: learner.createdAt)
            try event.insert(db)
            return learner
        }
    }

    public func learner(id: Int64) async throws -> Learner? {
        try await writer.read { db in try Learner.fetchOne(db, key: id) }
    }

    /// The learner with this handle (`ana-7f3k`), for the command line.
    public func learner(handle: String) async throws -> Learner? {
        try await writer.read { db in try Learner.filter(Learner.Columns.handle == handle).fetchOne(db) }
    }

    /// Every learner, oldest first, for the instructor's class view.
    public func allLearners() async throws -> [Learner] {
        try await writer.read { db in try Learner.order(Learner.Columns.createdAt, Learner.Columns.id).fetchAll(db) }
    }

    /// Opens a session for a learner; the caller keeps the token, the store keeps only its hash.
    public func openSession(_ session: LearnerSession) async throws {
        try await writer.write { db in try session.insert(db) }
    }

    /// The learner a session token hash belongs to, or nil when it is unknown or expired.
    public func learner(sessionTokenHash: String, now: Date) async throws -> Learner? {
        if let cached = cache.session(tokenHash: sessionTokenHash) {
            return cached.expiresAt > now ? cached.learner : nil
        }
        let generation = cache.generation
        let found = try await writer.read { db -> ReadCache.SessionEntry? in
            guard let session = try LearnerSession.fetchOne(db, key: sessionTokenHash),
                let learner = try Learner.fetchOne(db, key: session.learnerID)
            else { return nil }
            return ReadCache.SessionEntry(learner: learner, expiresAt: session.expiresAt)
        }
        // Unknown tokens are not remembered: anyone can send those, and they must not fill the cache.
        guard let found else { return nil }
        cache.storeSession(found, tokenHash: sessionTokenHash, readAt: generation)
        return found.expiresAt > now ? found.learner : nil
    }

    /// The learner of a live session when it is already in memory; nil means "ask `learner(sessionTokenHash:now:)`".
    ///
    /// Never touches SQLite, so it may run on a NIO event loop (the in-memory step page path).
    public func cachedLearner(sessionTokenHash: String, now: Date) -> Learner? {
        guard let cached = cache.session(tokenHash: sessionTokenHash), cached.expiresAt > now else { return nil }
        return cached.learner
    }

    /// Signs a browser out; unknown hashes are ignored so signing out twice is harmless.
    public func closeSession(tokenHash: String) async throws {
        defer { cache.dropSession(tokenHash: tokenHash) }
        _ = try await writer.write { db in try LearnerSession.deleteOne(db, key: tokenHash) }
    }
}

/// What can go wrong when storing learners.
public enum LearnerStoreError: Error, Equatable {
    /// Another learner already has this handle; pick another random suffix.
    case handleTaken
}
