import Foundation
import LabStore
import Synchronization

/// Records step views for the analytics without writing to SQLite on every page load.
///
/// A view counts once per learner and step per `interval`: reloads and back-and-forth navigation inside that
/// window are the same visit, and the page stays a read-only request on the hot path.
final class StepViewRecorder: Sendable {
    private struct Key: Hashable {
        let learnerID: Int64
        let labID: String
        let stepID: String
    }

    private let database: AppDatabase
    private let interval: TimeInterval
    private let lastRecorded = Mutex<[Key: Date]>([:])

    init(database: AppDatabase, interval: TimeInterval = 600) {
        self.database = database
        self.interval = interval
    }

    /// Whether a view now would be part of a visit already recorded: then serving the page writes nothing.
    func isRecorded(learnerID: Int64, labID: String, stepID: String, at now: Date = Date()) -> Bool {
        let key = Key(learnerID: learnerID, labID: labID, stepID: stepID)
        return lastRecorded.withLock { recorded in isInVisit(recorded[key], now: now) }
    }

    func recordView(learnerID: Int64, labID: String, stepID: String, at now: Date = Date()) async throws {
        let key = Key(learnerID: learnerID, labID: labID, stepID: stepID)
        let isNewVisit = lastRecorded.withLock { recorded in
            if isInVisit(recorded[key], now: now) { return false }
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
