public import Foundation
public import GRDB

/// The instructor key in use; only its SHA-256 is stored. A generated key works once (its sign-in link).
public struct InstructorCredential: Sendable, Equatable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "instructorCredential"

    public var id: Int64 = 1
    public var keyHash: String
    /// True for a generated key, printed as a sign-in link: it signs in once, then says it was used.
    public var isOneTime: Bool
    public var createdAt: Date
    public var usedAt: Date?

    public init(keyHash: String, isOneTime: Bool, createdAt: Date, usedAt: Date? = nil) {
        self.keyHash = keyHash
        self.isOneTime = isOneTime
        self.createdAt = createdAt
        self.usedAt = usedAt
    }
}

/// A signed-in instructor browser, known by the hash of its cookie's token.
public struct InstructorSession: Sendable, Equatable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "instructorSession"

    public var tokenHash: String
    public var createdAt: Date
    public var expiresAt: Date

    public init(tokenHash: String, createdAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// How a sign-in attempt with a key ended.
public enum InstructorKeyRedemption: Sendable, Equatable {
    case signedIn
    /// The key was a one-time sign-in link that was already used.
    case alreadyUsed
    case wrongKey
}
