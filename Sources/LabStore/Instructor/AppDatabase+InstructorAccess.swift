public import Foundation
import GRDB

extension AppDatabase {
    /// The instructor key in use, or nil before the first start chose one.
    public func instructorCredential() async throws -> InstructorCredential? {
        try await writer.read { db in try InstructorCredential.fetchOne(db, key: 1) }
    }

    /// Replaces the instructor key (a rotation, or a key given on the command line) and signs every instructor
    /// out: a session opened with the old key must not outlive it.
    public func replaceInstructorKey(_ credential: InstructorCredential) async throws {
        try await writer.write { db in
            try InstructorSession.deleteAll(db)
            try credential.save(db)
        }
    }

    /// Stores a key given with `--instructor-key` unless it is already the one in use (then sessions stay open).
    public func adoptConfiguredInstructorKey(hash: String, at date: Date) async throws {
        try await writer.write { db in
            if let existing = try InstructorCredential.fetchOne(db, key: 1), existing.keyHash == hash, !existing.isOneTime {
                return
            }
            try InstructorSession.deleteAll(db)
            try InstructorCredential(keyHash: hash, isOneTime: false, createdAt: date).save(db)
        }
    }

    /// Checks a key and, when it is right, opens `session` in the same transaction, so a one-time link signs in
    /// exactly once even when two browsers open it at the same moment.
    public func redeemInstructorKey(hash: String, opening session: InstructorSession) async throws
        -> InstructorKeyRedemption
    {
        try await writer.write { db in
            guard var credential = try InstructorCredential.fetchOne(db, key: 1),
                Self.constantTimeEquals(credential.keyHash, hash)
            else { return .wrongKey }
            if credential.isOneTime {
                guard credential.usedAt == nil else { return .alreadyUsed }
                credential.usedAt = session.createdAt
                try credential.update(db)
            }
            try session.insert(db)
            return .signedIn
        }
    }

    /// Whether an instructor session is open and unexpired.
    public func isInstructorSessionOpen(tokenHash: String, now: Date) async throws -> Bool {
        try await writer.read { db in
            guard let session = try InstructorSession.fetchOne(db, key: tokenHash) else { return false }
            return session.expiresAt > now
        }
    }

    public func closeInstructorSession(tokenHash: String) async throws {
        _ = try await writer.write { db in try InstructorSession.deleteOne(db, key: tokenHash) }
    }

    private static func constantTimeEquals(_ left: String, _ right: String) -> Bool {
        let left = Array(left.utf8)
        let right = Array(right.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
