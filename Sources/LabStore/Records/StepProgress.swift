public import Foundation
public import GRDB

/// Where one learner stands on one step: first seen, completed by hand, or verified (which counts as complete).
public struct StepProgress: Sendable, Equatable {
    public enum Status: String, Sendable, Codable {
        case viewed
        case completed
        /// Every supported check of the step passed.
        case verified
    }

    public var learnerID: Int64
    public var labID: String
    public var stepID: String
    public var status: Status
    public var firstViewedAt: Date
    public var completedAt: Date?
    public var verifiedAt: Date?

    public init(
        learnerID: Int64, labID: String, stepID: String, status: Status, firstViewedAt: Date, completedAt: Date?,
        verifiedAt: Date? = nil
    ) {
        self.learnerID = learnerID
        self.labID = labID
        self.stepID = stepID
        self.status = status
        self.firstViewedAt = firstViewedAt
        self.completedAt = completedAt
        self.verifiedAt = verifiedAt
    }

    public var isCompleted: Bool { status != .viewed }
    public var isVerified: Bool { status == .verified }
}

extension StepProgress: Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "stepProgress"

    enum CodingKeys: String, CodingKey {
        case learnerID = "learnerId"
        case labID = "labId"
        case stepID = "stepId"
        case status
        case firstViewedAt
        case completedAt
        case verifiedAt
    }

    public enum Columns {
        public static let learnerID = Column(CodingKeys.learnerID)
        public static let labID = Column(CodingKeys.labID)
        public static let stepID = Column(CodingKeys.stepID)
    }
}
