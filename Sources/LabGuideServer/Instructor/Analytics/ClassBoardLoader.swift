import Foundation
import LabContent
import LabStore

/// Reads what the class view shows from the store, off the event loop, and builds the board from it.
struct ClassBoardLoader: Sendable {
    let database: AppDatabase
    let rule: StuckRule
    let now: @Sendable () -> Date

    /// The whole class in `lab`, with the event id it is current to (read first, so nothing after it is missed).
    /// Raised hands are read after the events, never from the cache, so a row always shows the hand its events say.
    func board(lab: Lab) async throws -> (board: ClassBoard, state: ClassState, lastEventID: Int64) {
        let lastEventID = try await database.latestEventID()
        let state = try await database.currentClassState()
        let activities = try await database.classActivity(labID: lab.id)
        let attempts = try await verifyAttempts(labID: lab.id, learnerIDs: nil)
        let board = ClassBoard.make(
            lab: lab, activities: activities, attempts: attempts, raisedHands: state.raisedHands, rule: rule, now: now())
        return (board, state, lastEventID)
    }

    /// Only some learners' rows, against a funnel computed earlier (its medians decide who is stuck on time).
    func rows(lab: Lab, learnerIDs: [Int64], funnel: [StepFunnel]) async throws -> [ClassBoard.Row] {
        let state = try await database.currentClassState()
        let activities = try await database.classActivity(labID: lab.id, learnerIDs: learnerIDs)
        let attempts = try await verifyAttempts(labID: lab.id, learnerIDs: learnerIDs)
        return ClassBoard.make(
            lab: lab, activities: activities, attempts: attempts, raisedHands: state.raisedHands, rule: rule, now: now(),
            funnel: funnel
        ).rows
    }

    /// Each learner's Verify attempts in the lab, oldest first.
    /// Only passed and failed attempts count: one still running, or one the target could not answer, decided nothing.
    func verifyAttempts(labID: String, learnerIDs: [Int64]?) async throws -> [Int64: [VerifyAttemptSummary]] {
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
