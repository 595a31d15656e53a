public import Foundation
public import GRDB

/// One click of Verify on one step: when it ran, how it ended, and its counts; its check results are rows of
/// `StoredCheckResult`. Attempts are kept for good, because the instructor view reads them.
public struct VerifyAttempt: Sendable, Equatable, Identifiable {
    public enum State: String, Sendable, Codable, CaseIterable {
        case running
        /// Every supported check passed: the step is verified.
        case passed
        /// At least one check failed: the learner's to fix.
        case failed
        /// Nothing failed, but the target could not answer some check: try again.
        case incomplete
        /// The target can answer none of the step's checks; nothing was decided.
        case unsupported
    }

    public var id: Int64
    public var learnerID: Int64
    public var labID: String
    public var stepID: String
    /// The verify job that runs (or ran) it; one job may verify several steps.
    public var jobID: Int64
    public var state: State
    public var checkCount: Int
    public var passedCount: Int
    public var failedCount: Int
    public var unsupportedCount: Int
    public var errorCount: Int
    public var startedAt: Date
    public var finishedAt: Date?

    public var isRunning: Bool { state == .running }

    /// The state that counts say, once every check has a result.
    public static func finalState(passed: Int, failed: Int, unsupported: Int, errors: Int) -> State {
        if failed > 0 { return .failed }
        if errors > 0 { return .incomplete }
        return passed > 0 ? .passed : .unsupported
    }
}

extension VerifyAttempt: Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "verifyAttempt"

    enum CodingKeys: String, CodingKey {
        case id, state, checkCount, passedCount, failedCount, unsupportedCount, errorCount, startedAt, finishedAt
        case learnerID = "learnerId"
        case labID = "labId"
        case stepID = "stepId"
        case jobID = "jobId"
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let learnerID = Column(CodingKeys.learnerID)
        public static let labID = Column(CodingKeys.labID)
        public static let stepID = Column(CodingKeys.stepID)
        public static let jobID = Column(CodingKeys.jobID)
        public static let state = Column(CodingKeys.state)
    }
}
