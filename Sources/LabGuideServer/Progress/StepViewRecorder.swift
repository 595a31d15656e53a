import Foundation
import LabStore
import Synchronization

/// Records step views for the analytics without writing to SQLite on every page load.
///
/// A view counts once per learner and step per `interval`: reloads inside that window are the same visit, and the
/// page stays a read-only request on the hot path. Moving to another step and back is a new visit, so the
/// instructor's "current step" (the latest view) is where the learner really is.
final class StepViewRecorder: Sendable {
    private struct Key: Hashable {
        let learnerID: Int64
        let labID: String
        let stepID: String
    }

    private let database: AppDatabase
    private let interval: TimeInterval
    private let lastRecorded = Mutex<[Key: Date]>([:])
    /// Each learner's step of their latest recorded view, per lab.
    private let lastStep = Mutex<[LearnerLab: String]>([:])

    private struct LearnerLab: Hashable {
        let learnerID: Int64
        let labID: String
    }

    init(database: AppDatabase, interval: TimeInterval = 600) {
        self.database = database
        self.interval = interval
    }

    /// Whether a view now would be part of a visit already recorded: then serving the page writes nothing.
    func isRecorded(learnerID: Int64, labID: String, stepID: String, at now: Date = Date()) -> Bool {
        let key = Key(learnerID: learnerID, labID: labID, stepID: stepID)
        guard lastStep.withLock({ $0[LearnerLab(learnerID: learnerID, labID: labID)] }) == stepID else { return false }
        return lastRecorded.withLock { recorded in isInVisit(recorded[key], now: now) }
    }

    func recordView(learnerID: Int64, labID: String, stepID: String, at now: Date = Date()) async throws {
        let key = Key(learnerID: learnerID, labID: labID, stepID: stepID)
        let place = LearnerLab(learnerID: learnerID, labID: labID)
        let hasMoved = lastStep.withLock { steps in
            if steps.count > 100_000 { steps.removeAll(keepingCapacity: true) }
            defer { steps[place] = stepID }
            return steps[place] != stepID
        }
        let isNewVisit = lastRecorded.withLock { recorded in
            if !hasMoved, isInVisit(recorded[key], now: now) { return false }
            if recorded.count > 100_000 { recorded.removeAll(keepingCapacity: true) }
            recorded[key] = now
            return true
        }
        if isNewVisit {
            try await database.recordStepViewed(learnerID: learnerID, labID: labID, stepID: stepID, at: now)
        }
    }

    private func isInVisit(_ lastRecorded: Date?, now: Date) -> Bool {
        lastRecorded.map { now.timeIntervalSince($0) < interval } ?? false
    }
}
