public import Foundation
public import GRDB

/// A message from the instructor to everyone in a lab, or only to the pages of one step; shown until dismissed.
public struct ClassBroadcast: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "classBroadcast"

    enum CodingKeys: String, CodingKey {
        case id, body, createdAt, withdrawnAt
        case labID = "labId"
        case stepID = "stepId"
    }

    public var id: Int64?
    public var labID: String
    /// Nil: every page of the lab.
    public var stepID: String?
    /// As the instructor typed it; escaped (or rendered as the safe Markdown subset) wherever it shows.
    public var body: String
    public var createdAt: Date
    public var withdrawnAt: Date?

    public init(id: Int64? = nil, labID: String, stepID: String?, body: String, createdAt: Date, withdrawnAt: Date? = nil) {
        self.id = id
        self.labID = labID
        self.stepID = stepID
        self.body = body
        self.createdAt = createdAt
        self.withdrawnAt = withdrawnAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// The class is held at an exercise: steps of later exercises wait for the instructor. Stored, so it survives a
/// restart.
public struct ClassHold: Sendable, Equatable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "classHold"

    enum CodingKeys: String, CodingKey {
        case labID = "labId"
        case exerciseID = "exerciseId"
        case heldAt
    }

    public var labID: String
    public var exerciseID: String
    public var heldAt: Date

    public init(labID: String, exerciseID: String, heldAt: Date) {
        self.labID = labID
        self.exerciseID = exerciseID
        self.heldAt = heldAt
    }
}

/// A learner asking for help from a step, until the instructor clears it (or the learner lowers it).
public struct RaisedHand: Sendable, Equatable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "raisedHand"

    enum CodingKeys: String, CodingKey {
        case learnerID = "learnerId"
        case labID = "labId"
        case stepID = "stepId"
        case raisedAt
    }

    public var learnerID: Int64
    public var labID: String
    public var stepID: String
    public var raisedAt: Date

    public init(learnerID: Int64, labID: String, stepID: String, raisedAt: Date) {
        self.learnerID = learnerID
        self.labID = labID
        self.stepID = stepID
        self.raisedAt = raisedAt
    }
}

/// What the learner pages of a class follow: broadcasts, holds and raised hands, read together.
public struct ClassState: Sendable, Equatable {
    /// Not withdrawn, oldest first.
    public var broadcasts: [ClassBroadcast]
    public var holds: [String: ClassHold]
    public var raisedHands: [Int64: RaisedHand]

    public init(broadcasts: [ClassBroadcast] = [], holds: [String: ClassHold] = [:], raisedHands: [Int64: RaisedHand] = [:]) {
        self.broadcasts = broadcasts
        self.holds = holds
        self.raisedHands = raisedHands
    }
}
