public import Foundation
public import GRDB

/// An append-only record of what a learner did, kept for the class analytics.
public struct LearnerEvent: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case joined
        case viewedStep
        case completedStep
        /// A job was enqueued for the learner (verify, provision, cleanup); committed with the job itself.
        case startedJob
        /// A Verify attempt passed every supported check of the step.
        case verifiedStep
        /// A Verify attempt ended with at least one failed check.
        case failedVerify
        /// The learner asked for help from a step.
        case raisedHand
        /// The hand went down: the instructor answered it, or the learner took it back.
        case loweredHand
    }

    public var id: Int64?
    public var learnerID: Int64
    public var kind: Kind
    public var labID: String?
    public var stepID: String?
    public var createdAt: Date

    public init(id: Int64? = nil, learnerID: Int64, kind: Kind, labID: String?, stepID: String?, createdAt: Date) {
        self.id = id
        self.learnerID = learnerID
        self.kind = kind
        self.labID = labID
        self.stepID = stepID
        self.createdAt = createdAt
    }
}

extension LearnerEvent: Codable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "event"

    enum CodingKeys: String, CodingKey {
        case id
        case learnerID = "learnerId"
        case kind
        case labID = "labId"
        case stepID = "stepId"
        case createdAt
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let learnerID = Column(CodingKeys.learnerID)
        public static let labID = Column(CodingKeys.labID)
        public static let kind = Column(CodingKeys.kind)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
