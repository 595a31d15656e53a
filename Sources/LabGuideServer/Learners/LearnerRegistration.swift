import Foundation
import LabStore
import Logging

/// Joins a learner: validates the name, picks a free handle, stores the learner, and opens a session.
struct LearnerRegistration: Sendable {
    let database: AppDatabase
    let sessionLifetime: Duration
    let rateLimiter: RateLimiter

    struct Joined: Sendable {
        let learner: Learner
        let token: SessionToken
    }

    /// - Parameter address: the client's address, which the join rate limit counts by (429 past it).
    func join(name rawName: String, from address: String?, now: Date = Date()) async throws -> Joined {
        let name: LearnerName
        do {
            name = try LearnerName(validating: rawName)
        } catch {
            throw LearnerInputError(message: error.description)
        }
        try rateLimiter.admit(address, now: now)
        var generator = SystemRandomNumberGenerator()
        // 32^4 suffixes per stem: a clash is rare, and a few fresh draws make a second one negligible.
        for _ in 0..<8 {
            let handle = ResourcePrefix.makeHandle(from: name.value, using: &generator)
            let candidate = Learner(
                name: name.value, handle: handle, resourcePrefix: ResourcePrefix.make(handle: handle), createdAt: now)
            do {
                let learner = try await database.createLearner(candidate)
                return Joined(learner: learner, token: try await openSession(for: learner, now: now))
            } catch LearnerStoreError.handleTaken {
                continue
            }
        }
        throw LearnerInputError(message: "Could not find a free handle for this name; try a slightly different name.")
    }

    private func openSession(for learner: Learner, now: Date) async throws -> SessionToken {
        let token = SessionToken.make()
        let session = LearnerSession(
            tokenHash: token.hash, learnerID: learner.id ?? 0, createdAt: now,
            expiresAt: now.addingTimeInterval(TimeInterval(sessionLifetime.components.seconds)))
        try await database.openSession(session)
        return token
    }
}
