import Foundation
import LabStore
import Testing

@Suite("Verify attempts in the store")
struct VerifyAttemptStoreTests {
    let start = Date(timeIntervalSince1970: 1_790_000_000)

    func setUp() async throws -> (AppDatabase, Int64) {
        let database = try AppDatabase.makeInMemory()
        let learner = try await database.createLearner(
            Learner(name: "Ana", handle: "ana-7f3k", resourcePrefix: "lg-ana-7f3k-", createdAt: start))
        return (database, try #require(learner.id))
    }

    func job(_ learnerID: Int64, key: String = "verify:1:lab:step:queues") -> NewJob {
        NewJob(kind: "verify", learnerID: learnerID, labID: "lab", uniqueKey: key, maxAttempts: 2)
    }

    func result(_ attempt: Int64, _ index: Int, _ status: String) -> StoredCheckResult {
        StoredCheckResult(
            attemptID: attempt, checkIndex: index, check: "sqs.queue", status: status, summary: "queue \(index)",
            expected: nil, observed: nil, hint: nil, facts: "{}", calls: "[]", durationMs: 3, retryAfterSeconds: nil,
            finishedAt: start)
    }

    @Test func startingTwiceWhileRunningGivesTheSameJobAndAttempts() async throws {
        let (database, learner) = try await setUp()
        let first = try await database.startVerify(
            job(learner), steps: [("queues", 2), ("topics", 3)], event: nil, at: start)
        #expect(first.isNew)
        #expect(first.attempts.map(\.stepID) == ["queues", "topics"])
        #expect(first.attempts.allSatisfy { $0.state == .running && $0.jobID == first.job.id })
        let second = try await database.startVerify(job(learner), steps: [("queues", 2)], event: nil, at: start)
        #expect(!second.isNew)
        #expect(second.job.id == first.job.id)
        #expect(second.attempts.map(\.id) == first.attempts.map(\.id))
    }

    @Test(arguments: [
        (["passed", "passed"], VerifyAttempt.State.passed), (["passed", "failed"], .failed),
        (["passed", "error"], .incomplete), (["failed", "error"], .failed), (["unsupported", "unsupported"], .unsupported),
        (["passed", "unsupported"], .passed), (["passed"], .incomplete),
    ])
    func theVerdictFollowsTheResults(statuses: [String], expected: VerifyAttempt.State) async throws {
        let (database, learner) = try await setUp()
        let attempt = try await database.startVerify(job(learner), steps: [("queues", 2)], event: nil, at: start)
            .attempts[0]
        for (index, status) in statuses.enumerated() { try await database.recordCheckResult(result(attempt.id, index, status)) }
        let finished = try #require(try await database.finishVerifyAttempt(id: attempt.id, at: start))
        #expect(finished.state == expected)
        #expect(finished.passedCount + finished.failedCount + finished.unsupportedCount + finished.errorCount == 2)
        let progress = try await database.progress(learnerID: learner, labID: "lab")["queues"]
        #expect((progress?.isVerified ?? false) == (expected == .passed))
    }

    @Test func aPassVerifiesAStepCompletedByHandKeepingItsCompletionTime() async throws {
        let (database, learner) = try await setUp()
        try await database.recordStepCompleted(learnerID: learner, labID: "lab", stepID: "queues", at: start)
        let attempt = try await database.startVerify(job(learner), steps: [("queues", 1)], event: nil, at: start)
            .attempts[0]
        try await database.recordCheckResult(result(attempt.id, 0, "passed"))
        let later = start.addingTimeInterval(60)
        try await database.finishVerifyAttempt(id: attempt.id, at: later)
        let progress = try #require(try await database.progress(learnerID: learner, labID: "lab")["queues"])
        #expect(progress.status == .verified && progress.isCompleted)
        #expect(progress.completedAt == start)
        #expect(progress.verifiedAt == later)
        // Completing by hand afterwards changes nothing.
        try await database.recordStepCompleted(learnerID: learner, labID: "lab", stepID: "queues", at: later)
        #expect(try await database.progress(learnerID: learner, labID: "lab")["queues"]?.status == .verified)
        #expect(try await database.events(learnerID: learner).map(\.kind) == [.joined, .completedStep, .verifiedStep])
    }

    @Test func aRestartClearsResultsAndAFailureIsAnEventForTheInstructor() async throws {
        let (database, learner) = try await setUp()
        let attempt = try await database.startVerify(job(learner), steps: [("queues", 1)], event: nil, at: start)
            .attempts[0]
        try await database.recordCheckResult(result(attempt.id, 0, "failed"))
        try await database.restartVerifyAttempt(id: attempt.id, at: start)
        #expect(try await database.checkResults(attemptIDs: [attempt.id]).isEmpty)
        try await database.recordCheckResult(result(attempt.id, 0, "failed"))
        try await database.finishVerifyAttempt(id: attempt.id, at: start)
        let failed = try await database.failedCheckResults(labID: "lab")
        #expect(failed.map(\.attempt.id) == [attempt.id])
        #expect(try await database.events(learnerID: learner).map(\.kind) == [.joined, .failedVerify])
        #expect(try await database.verifyAttempts(learnerID: learner, labID: "lab", stepID: "queues").count == 1)
    }
}
