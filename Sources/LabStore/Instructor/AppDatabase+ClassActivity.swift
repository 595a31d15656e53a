public import Foundation
import GRDB

extension AppDatabase {
    /// Every learner's activity in a lab (or only the given learners'), oldest learner first, in one read.
    public func classActivity(labID: String, learnerIDs: [Int64]? = nil) async throws -> [LearnerActivity] {
        try await writer.read { db in
            var learners = Learner.order(Learner.Columns.createdAt, Learner.Columns.id)
            var progress = StepProgress.filter(StepProgress.Columns.labID == labID)
            var only = ""
            if let learnerIDs {
                learners = learners.filter(learnerIDs.contains(Learner.Columns.id))
                progress = progress.filter(learnerIDs.contains(StepProgress.Columns.learnerID))
                only = " AND learnerId IN (\(learnerIDs.map(String.init).joined(separator: ",")))"
            }
            var progressByLearner: [Int64: [String: StepProgress]] = [:]
            // Read column by column: decoding 15,000 rows through Codable was most of a 500-learner page.
            // Dates come as Unix seconds computed by SQLite: parsing 45,000 date strings in Swift was most of the rest.
            let rows = try Row.fetchCursor(
                db,
                progress.select(
                    sql: "learnerId, labId, stepId, status, \(Self.unixTime("firstViewedAt")), "
                        + "\(Self.unixTime("completedAt")), \(Self.unixTime("verifiedAt"))"))
            while let row = try rows.next() {
                let learnerID: Int64 = row[0]
                let stepID: String = row[2]
                progressByLearner[learnerID, default: [:]][stepID] = StepProgress(
                    learnerID: learnerID, labID: row[1], stepID: stepID,
                    status: StepProgress.Status(rawValue: row[3]) ?? .viewed,
                    firstViewedAt: Date(timeIntervalSince1970: row[4] ?? 0),
                    completedAt: (row[5] as Double?).map(Date.init(timeIntervalSince1970:)),
                    verifiedAt: (row[6] as Double?).map(Date.init(timeIntervalSince1970:)))
            }
            // Each learner's latest event is found on an index of (learner, id), then read by its id: a GROUP BY
            // over `createdAt` would visit every event of the class.
            var positions: [Int64: (stepID: String, at: Date)] = [:]
            let viewed = try Row.fetchAll(
                db,
                sql: """
                    SELECT event.learnerId, event.stepId, \(Self.unixTime("event.createdAt")) AS createdAt FROM event
                    JOIN (SELECT MAX(id) AS id FROM event WHERE labId = ? AND kind = 'viewedStep'\(only) GROUP BY learnerId)
                    AS latest ON event.id = latest.id
                    """, arguments: [labID])
            for row in viewed {
                positions[row[0]] = (row[1], Date(timeIntervalSince1970: row[2] ?? 0))
            }
            var lastActivity: [Int64: Date] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT event.learnerId, \(Self.unixTime("event.createdAt")) AS at FROM event
                    JOIN (SELECT MAX(id) AS id FROM event WHERE 1 = 1\(only) GROUP BY learnerId) AS latest
                    ON event.id = latest.id
                    """
            ) {
                lastActivity[row[0]] = Date(timeIntervalSince1970: row[1] ?? 0)
            }
            return try learners.fetchAll(db).map { learner in
                let id = learner.id ?? 0
                return LearnerActivity(
                    learner: learner, progress: progressByLearner[id] ?? [:], currentStepID: positions[id]?.stepID,
                    currentStepSince: positions[id]?.at, lastActivityAt: lastActivity[id])
            }
        }
    }

    /// Events after `id` in id order, at most `limit`: the instructor stream's tail, exact across reconnects.
    public func events(after id: Int64, limit: Int = 1000) async throws -> [LearnerEvent] {
        try await writer.read { db in
            try LearnerEvent.filter(LearnerEvent.Columns.id > id).order(LearnerEvent.Columns.id).limit(limit).fetchAll(db)
        }
    }

    /// The newest event's id (0 when there is none): where a fresh instructor stream starts.
    public func latestEventID() async throws -> Int64 {
        try await writer.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM event") ?? 0 }
    }

    /// Jobs that ended `discarded` since `date`, for the instructor's health panel.
    public func failedJobCount(since date: Date) async throws -> Int {
        try await writer.read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM job WHERE state = 'discarded' AND finishedAt >= ?", arguments: [date]) ?? 0
        }
    }

    /// SQL for a stored date column as Unix seconds (GRDB stores `yyyy-MM-dd HH:mm:ss.SSS` in UTC); NULL stays NULL.
    /// Rounded to the millisecond the text holds, so the date is the one stored, not a julian-day approximation.
    static func unixTime(_ column: String) -> String {
        "(round((julianday(\(column)) - 2440587.5) * 86400000.0) / 1000.0)"
    }
}
