public import Foundation
public import GRDB

/// A signed-in browser. Only the SHA-256 of the cookie's token is stored, so a leaked database opens no session.
public struct LearnerSession: Sendable, Equatable {
    public var tokenHash: String
    public var learnerID: Int64
    public var createdAt: Date
    public var expiresAt: Date

    public init(tokenHash: String, learnerID: Int64, createdAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.learnerID = learnerID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

extension LearnerSession: Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "session"

    enum CodingKeys: String, CodingKey {
        case tokenHash
        case learnerID = "learnerId"
        case createdAt
        case expiresAt
    }

    public enum Columns {
        public static let tokenHash = Column(CodingKeys.tokenHash)
        public static let learnerID = Column(CodingKeys.learnerID)
        public static let expiresAt = Column(CodingKeys.expiresAt)
    }
}
