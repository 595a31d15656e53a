import Foundation
import LabStore

/// Each lab's class activity kept in memory, and brought up to date from the events written since it was read.
///
/// Everything the board shows changes only together with a learner event, in the same transaction (views,
/// completions, Verify results, joins), so reading the events after the last one seen, then the learners they name,
/// gives what a full read would: an instructor page costs that small read instead of the whole class's.
///
/// Refreshes of a lab run one after another. Each one starts from the one before, and reads the events committed
/// up to its own start, so a caller that saw an event is never handed a snapshot from before it.
actor ClassActivityCache {
    struct Snapshot: Sendable {
        /// Every event up to this id is reflected.
        var lastEventID: Int64
        /// Learners in the order they joined.
        var order: [Int64]
        var activities: [Int64: LearnerActivity]
        var attempts: [Int64: [VerifyAttemptSummary]]

        var activityList: [LearnerActivity] { order.compactMap { activities[$0] } }
    }

    typealias Load =
        @Sendable (_ labID: String, _ learnerIDs: [Int64]?) async throws -> (
            [LearnerActivity], [Int64: [VerifyAttemptSummary]]
        )

    private let database: AppDatabase
    private let load: Load
    /// Past this many events or learners at once, one read of the whole class is cheaper than following them.
    private let deltaLimit: Int
    private var latest: [String: Task<Snapshot, any Error>] = [:]

    init(database: AppDatabase, deltaLimit: Int = 200, load: @escaping Load) {
        self.database = database
        self.deltaLimit = deltaLimit
        self.load = load
    }

    func snapshot(labID: String) async throws -> Snapshot {
        let previous = latest[labID]
        let refresh = Task { [database, load, deltaLimit] in
            let base = try? await previous?.value
            return try await Self.refreshed(base, labID: labID, database: database, deltaLimit: deltaLimit, load: load)
        }
        latest[labID] = refresh
        return try await refresh.value
    }

    private static func refreshed(
        _ base: Snapshot?, labID: String, database: AppDatabase, deltaLimit: Int, load: Load
    ) async throws -> Snapshot {
        guard var snapshot = base else { return try await fullRead(labID: labID, database: database, load: load) }
        let events = try await database.events(after: snapshot.lastEventID, limit: deltaLimit)
        guard let last = events.last?.id else { return snapshot }
        let learnerIDs = Array(Set(events.map(\.learnerID)))
        if events.count == deltaLimit { return try await fullRead(labID: labID, database: database, load: load) }
        let (activities, attempts) = try await load(labID, learnerIDs)
        for activity in activities {
            let id = activity.learner.id ?? 0
            if snapshot.activities.updateValue(activity, forKey: id) == nil { snapshot.order.append(id) }
        }
        for id in learnerIDs { snapshot.attempts[id] = attempts[id] }
        snapshot.lastEventID = last
        return snapshot
    }

    /// The whole class, current to the event id read before it.
    private static func fullRead(labID: String, database: AppDatabase, load: Load) async throws -> Snapshot {
        let lastEventID = try await database.latestEventID()
        let (activities, attempts) = try await load(labID, nil)
        return Snapshot(
            lastEventID: lastEventID, order: activities.map { $0.learner.id ?? 0 },
            activities: Dictionary(activities.map { ($0.learner.id ?? 0, $0) }) { $1 }, attempts: attempts)
    }
}
