public import Foundation
public import GRDB

/// Someone following a lab: a display name, a short handle, and the prefix every AWS resource of theirs carries.
public struct Learner: Sendable, Equatable, Identifiable {
    public var id: Int64?
    /// The display name exactly as typed; escaped wherever it is shown.
    public var name: String
    /// Short and unique, such as `ana-7f3k`; also the middle of the resource prefix.
    public var handle: String
    /// Such as `lg-ana-7f3k-`: lowercase letters, digits and `-`, valid in every AWS name the labs use.
    public var resourcePrefix: String
    public var createdAt: Date

    public init(id: Int64? = nil, name: String, handle: String, resourcePrefix: String, createdAt: Date) {
        self.id = id
        self.name = name
        self.handle = handle
        self.resourcePrefix = resourcePrefix
        self.createdAt = createdAt
    }
}

extension Learner: Codable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "learner"

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let handle = Column(CodingKeys.handle)
        public static let createdAt = Column(CodingKeys.createdAt)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
