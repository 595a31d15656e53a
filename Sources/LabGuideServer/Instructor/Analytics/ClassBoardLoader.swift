import Foundation
import LabContent
import LabStore

/// Reads what the class view shows from the store, off the event loop, and builds the board from it. The class's
/// activity comes from `ClassActivityCache`, which follows the events instead of reading the whole class each time.
struct ClassBoardLoader: Sendable {
    let database: AppDatabase
    let rule: StuckRule
    let now: @Sendable () -> Date
    let activity: ClassActivityCache

    init(database: AppDatabase, rule: StuckRule, now: @escaping @Sendable () -> Date) {
        self.database = database
        self.rule = rule
        self.now = now
        activity = ClassActivityCache(database: database) { labID, learnerIDs in
            let activities = try await database.classActivity(labID: labID, learnerIDs: learnerIDs)
            let attempts = try await Self.verifyAttempts(database: database, labID: labID, learnerIDs: learnerIDs)
            return (activities, attempts)
        }
    }

    /// The whole class in `lab`, with the event id it is current to: nothing after it is missed.
    /// Raised hands are read after the events, never from the cache, so a row always shows the hand its events say.
    func board(lab: Lab) async throws -> (board: ClassBoard, state: ClassState, lastEventID: Int64) {
        let snapshot = try await activity.snapshot(labID: lab.id)
        let state = try await database.currentClassState()
        let board = ClassBoard.make(
            lab: lab, activities: snapshot.activityList, attempts: snapshot.attempts, raisedHands: state.raisedHands,
            rule: rule, now: now())
        return (board, state, snapshot.lastEventID)
    }

    /// Only some learners' rows, against a funnel computed earlier (its medians decide who is stuck on time).
    func rows(lab: Lab, learnerIDs: [Int64], funnel: [StepFunnel]) async throws -> [ClassBoard.Row] {
        let snapshot = try await activity.snapshot(labID: lab.id)
        let state = try await database.currentClassState()
        return ClassBoard.make(
            lab: lab, activities: learnerIDs.sorted().compactMap { snapshot.activities[$0] }, attempts: snapshot.attempts,
            raisedHands: state.raisedHands, rule: rule, now: now(), funnel: funnel
        ).rows
    }

    /// Each learner's Verify attempts in the lab, oldest first.
    /// Only passed and failed attempts count: one still running, or one the target could not answer, decided nothing.
    static func verifyAttempts(database: AppDatabase, labID: String, learnerIDs: [Int64]?) async throws -> [Int64:
        [VerifyAttemptSummary]]
    {
        var attempts: [VerifyAttempt] = []
        if let learnerIDs {
            for id in learnerIDs {
                attempts += try await database.verifyAttempts(learnerID: id, labID: labID, limit: 50).reversed()
            }
        } else {
            attempts = try await database.classVerifyAttempts(labID: labID)
        }
        let decided = attempts.filter { $0.state == .passed || $0.state == .failed }
        let failedIDs = decided.filter { $0.state == .failed }.map(\.id)
        let results = try await database.checkResults(attemptIDs: failedIDs)
        var summaries: [Int64: [VerifyAttemptSummary]] = [:]
        for attempt in decided {
            let failed = (results[attempt.id] ?? []).filter { $0.status == "failed" }.map {
                VerifyAttemptSummary.FailedCheck(name: $0.check, message: Self.message(of: $0))
            }
            summaries[attempt.learnerID, default: []].append(
                VerifyAttemptSummary(
                    stepID: attempt.stepID, at: attempt.finishedAt ?? attempt.startedAt, isPassed: attempt.state == .passed,
                    failedChecks: failed))
        }
        return summaries
    }

    /// The check's own summary, with what it observed when it says so.
    static func message(of result: StoredCheckResult) -> String {
        guard let observed = result.observed, !observed.isEmpty else { return result.summary }
        return "\(result.summary) (observed: \(observed))"
    }
}
