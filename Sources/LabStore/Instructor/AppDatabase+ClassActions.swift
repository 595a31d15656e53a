public import Foundation
import GRDB

extension AppDatabase {
    /// Stores a broadcast; learner pages pick it up through `classState()`.
    public func postBroadcast(_ broadcast: ClassBroadcast) async throws -> ClassBroadcast {
        try await writer.write { db in
            var broadcast = broadcast
            try broadcast.insert(db)
            return broadcast
        }
    }

    /// Takes a broadcast off every page; false when there is no such broadcast, or it was already withdrawn.
    public func withdrawBroadcast(id: Int64, at date: Date) async throws -> Bool {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE classBroadcast SET withdrawnAt = ? WHERE id = ? AND withdrawnAt IS NULL", arguments: [date, id])
            return db.changesCount > 0
        }
    }

    /// Holds a lab's class at an exercise: steps of later exercises wait until `releaseClass(labID:)`.
    public func holdClass(_ hold: ClassHold) async throws {
        try await writer.write { db in try hold.save(db) }
    }

    public func releaseClass(labID: String) async throws {
        _ = try await writer.write { db in try ClassHold.deleteOne(db, key: labID) }
    }

    /// Raises a learner's hand on a step (moving it if it was raised elsewhere), with a `raisedHand` event.
    public func raiseHand(_ hand: RaisedHand) async throws {
        try await writer.write { db in
            try hand.save(db)
            var event = LearnerEvent(
                learnerID: hand.learnerID, kind: .raisedHand, labID: hand.labID, stepID: hand.stepID, createdAt: hand.raisedAt)
            try event.insert(db)
        }
    }

    /// Lowers a hand: the instructor answered it, or the learner took it back. False when it was not raised.
    @discardableResult
    public func lowerHand(learnerID: Int64, at date: Date) async throws -> Bool {
        try await writer.write { db in
            guard let hand = try RaisedHand.fetchOne(db, key: learnerID) else { return false }
            try hand.delete(db)
            var event = LearnerEvent(
                learnerID: learnerID, kind: .loweredHand, labID: hand.labID, stepID: hand.stepID, createdAt: date)
            try event.insert(db)
            return true
        }
    }

    /// Broadcasts, holds and raised hands as of the last commit that changed them, read once per change.
    ///
    /// The generation moves just after a commit, so a reader that already sees the commit's rows may still be
    /// handed the state from before it: fine for a page, which the next change refreshes, but not for a reader that
    /// pairs the state with the events it just read. That one asks `currentClassState()`.
    public func classState() async throws -> ClassState {
        let generation = classStateChanged.generation
        if let cached = classStateCache.state(at: generation) { return cached }
        let writer = self.writer
        return try await classStateCache.load(at: generation) {
            try await writer.read { db in try Self.readClassState(db) }
        }
    }

    /// The class state read from SQLite now, never from the cache: at least as new as any event read before it.
    public func currentClassState() async throws -> ClassState {
        try await writer.read { db in try Self.readClassState(db) }
    }

    private static func readClassState(_ db: Database) throws -> ClassState {
        ClassState(
            broadcasts: try ClassBroadcast.filter(Column("withdrawnAt") == nil).order(Column("id")).fetchAll(db),
            holds: Dictionary(uniqueKeysWithValues: try ClassHold.fetchAll(db).map { ($0.labID, $0) }),
            raisedHands: Dictionary(uniqueKeysWithValues: try RaisedHand.fetchAll(db).map { ($0.learnerID, $0) }))
    }

    /// The class state when it is already in memory and current; nil means "ask `classState()`".
    ///
    /// Never touches SQLite, so the step pages answered on the event loop can decide a hold with it.
    public func cachedClassState() -> ClassState? {
        classStateCache.state(at: classStateChanged.generation)
    }
}
