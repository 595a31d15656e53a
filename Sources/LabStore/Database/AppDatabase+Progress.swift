public import Foundation
import GRDB

extension AppDatabase {
    /// Records that a learner opened a step: the first visit is kept, later visits only add an event.
    public func recordStepViewed(learnerID: Int64, labID: String, stepID: String, at date: Date) async throws {
        defer { cache.dropProgress(.init(learnerID: learnerID, labID: labID)) }
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO stepProgress (learnerId, labId, stepId, status, firstViewedAt, completedAt)
                    VALUES (?, ?, ?, 'viewed', ?, NULL)
                    ON CONFLICT (learnerId, labId, stepId) DO NOTHING
                    """,
                arguments: [learnerID, labID, stepID, date])
            var event = LearnerEvent(learnerID: learnerID, kind: .viewedStep, labID: labID, stepID: stepID, createdAt: date)
            try event.insert(db)
        }
    }

    /// Marks a step complete. Idempotent: completing again keeps the first completion time and logs nothing new.
    @discardableResult
    public func recordStepCompleted(learnerID: Int64, labID: String, stepID: String, at date: Date) async throws
        -> StepProgress
    {
        defer { cache.dropProgress(.init(learnerID: learnerID, labID: labID)) }
        return try await writer.write { db in
            let key: [String: any DatabaseValueConvertible] = ["learnerId": learnerID, "labId": labID, "stepId": stepID]
            if let existing = try StepProgress.fetchOne(db, key: key), existing.isCompleted {
                return existing
            }
            let existing = try StepProgress.fetchOne(db, key: key)
            let progress = StepProgress(
                learnerID: learnerID, labID: labID, stepID: stepID, status: .completed,
                firstViewedAt: existing?.firstViewedAt ?? date, completedAt: date)
            try progress.save(db)
            var event = LearnerEvent(
                learnerID: learnerID, kind: .completedStep, labID: labID, stepID: stepID, createdAt: date)
            try event.insert(db)
            return progress
        }
    }

    /// One learner's progress through one lab, keyed by step id.
    public func progress(learnerID: Int64, labID: String) async throws -> [String: StepProgress] {
        let key = ReadCache.ProgressKey(learnerID: learnerID, labID: labID)
        if let cached = cache.progress(key) { return cached }
        let generation = cache.generation
        let progress = try await writer.read { db in
            let rows =
                try StepProgress
                .filter(StepProgress.Columns.learnerID == learnerID && StepProgress.Columns.labID == labID)
                .fetchAll(db)
            return Dictionary(uniqueKeysWithValues: rows.map { ($0.stepID, $0) })
        }
        cache.storeProgress(progress, for: key, readAt: generation)
        return progress
    }

    /// A learner's progress when it is already in memory; nil means "ask `progress(learnerID:labID:)`".
    public func cachedProgress(learnerID: Int64, labID: String) -> [String: StepProgress]? {
        cache.progress(ReadCache.ProgressKey(learnerID: learnerID, labID: labID))
    }

    /// Everyone's progress through one lab, for the instructor view.
    public func classProgress(labID: String) async throws -> [StepProgress] {
        try await writer.read { db in
            try StepProgress.filter(StepProgress.Columns.labID == labID).fetchAll(db)
        }
    }

    /// A learner's events, oldest first.
    public func events(learnerID: Int64) async throws -> [LearnerEvent] {
        try await writer.read { db in
            try LearnerEvent.filter(LearnerEvent.Columns.learnerID == learnerID).order(LearnerEvent.Columns.id).fetchAll(db)
        }
    }
}
