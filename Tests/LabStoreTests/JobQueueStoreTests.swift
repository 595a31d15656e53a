import Foundation
import LabStore
import Testing

@Suite("Job store: enqueue, claim and finish")
struct JobQueueStoreTests {
    let start = Date(timeIntervalSince1970: 1_790_000_000)

    func claim(_ database: AppDatabase, limit: Int = 10, at offset: TimeInterval = 0, owner: String = "worker-a")
        async throws -> [JobRecord]
    {
        try await database.claimJobs(
            owner: owner, limit: limit, now: start.addingTimeInterval(offset),
            leaseExpiresAt: start.addingTimeInterval(offset + 30))
    }

    @Test func activeUniqueKeyReturnsTheQueuedJobUntilItFinishes() async throws {
        let database = try AppDatabase.makeInMemory()
        let job = NewJob(kind: "verify", learnerID: 1, uniqueKey: "verify:1:step")
        let first = try await database.enqueueJob(job, at: start)
        let second = try await database.enqueueJob(job, at: start)
        #expect(first.isNew && !second.isNew)
        #expect(second.job.id == first.job.id)
        let claimed = try await claim(database)
        #expect(try await database.enqueueJob(job, at: start).isNew == false)
        try await database.finishAttempts([(claimed[0].id, .completed(result: "{}"))], owner: "worker-a", now: start)
        let third = try await database.enqueueJob(job, at: start)
        #expect(third.isNew && third.job.id != first.job.id)
    }

    @Test func enqueueCommitsTheLearnerEventOnlyForANewJob() async throws {
        let database = try AppDatabase.makeInMemory()
        let learner = try await database.createLearner(
            Learner(name: "Ana", handle: "ana-1", resourcePrefix: "lg-ana-1-", createdAt: start))
        let id = try #require(learner.id)
        let event = LearnerEvent(learnerID: id, kind: .startedJob, labID: "lab", stepID: "one", createdAt: start)
        let job = NewJob(kind: "verify", learnerID: id, uniqueKey: "verify:\(id):one")
        _ = try await database.enqueueJob(job, at: start, event: event)
        _ = try await database.enqueueJob(job, at: start, event: event)
        #expect(try await database.events(learnerID: id).map(\.kind) == [.joined, .startedJob])
    }

    @Test func claimsByPriorityThenRunAtThenID() async throws {
        let database = try AppDatabase.makeInMemory()
        let late = try await database.enqueueJob(NewJob(kind: "a", runAt: start.addingTimeInterval(5)), at: start).job
        let normal = try await database.enqueueJob(NewJob(kind: "a"), at: start).job
        let urgent = try await database.enqueueJob(NewJob(kind: "a", priority: -1), at: start).job
        let normalToo = try await database.enqueueJob(NewJob(kind: "a"), at: start).job
        #expect(late.state == .scheduled)
        #expect(try await claim(database).map(\.id) == [urgent.id, normal.id, normalToo.id])
        #expect(try await claim(database, at: 5).map(\.id) == [late.id])
        #expect(try await claim(database, at: 5).isEmpty)
    }

    @Test func oneRunningJobPerLearnerAndKind() async throws {
        let database = try AppDatabase.makeInMemory()
        let first = try await database.enqueueJob(NewJob(kind: "provision", learnerID: 1), at: start).job
        let second = try await database.enqueueJob(NewJob(kind: "provision", learnerID: 1), at: start).job
        let otherKind = try await database.enqueueJob(NewJob(kind: "verify", learnerID: 1), at: start).job
        let otherLearner = try await database.enqueueJob(NewJob(kind: "provision", learnerID: 2), at: start).job
        #expect(try await claim(database).map(\.id) == [first.id, otherKind.id, otherLearner.id])
        #expect(try await claim(database).isEmpty)
        try await database.finishAttempts([(first.id, .completed(result: "{}"))], owner: "worker-a", now: start)
        #expect(try await claim(database).map(\.id) == [second.id])
    }

    @Test func claimingOneJobByIDLeavesTheRest() async throws {
        let database = try AppDatabase.makeInMemory()
        _ = try await database.enqueueJob(NewJob(kind: "a"), at: start)
        let wanted = try await database.enqueueJob(NewJob(kind: "a"), at: start).job
        let claimed = try await database.claimJobs(
            owner: "cli", limit: 1, now: start, leaseExpiresAt: start.addingTimeInterval(30), jobID: wanted.id)
        #expect(claimed.map(\.id) == [wanted.id])
        #expect(claimed.first?.attempt == 1)
        #expect(try await database.job(id: wanted.id)?.leaseOwner == "cli")
    }

    @Test func failedAttemptsKeepEachErrorAndDiscardAtTheEnd() async throws {
        let database = try AppDatabase.makeInMemory()
        let job = try await database.enqueueJob(NewJob(kind: "a", maxAttempts: 2), at: start).job
        _ = try await claim(database)
        let retryAt = start.addingTimeInterval(10)
        let error = JobAttemptError(at: start, attempt: 1, message: "throttled")
        try await database.finishAttempts([(job.id, .failed(error, retryAt: retryAt))], owner: "worker-a", now: start)
        #expect(try await database.job(id: job.id)?.state == .retryable)
        #expect(try await claim(database, at: 9).isEmpty)
        #expect(try await claim(database, at: 10).map(\.attempt) == [2])
        let last = JobAttemptError(at: retryAt, attempt: 2, message: "still throttled")
        try await database.finishAttempts([(job.id, .failed(last, retryAt: nil))], owner: "worker-a", now: retryAt)
        let discarded = try #require(try await database.job(id: job.id))
        #expect(discarded.state == .discarded)
        #expect(discarded.errors.map(\.message) == ["throttled", "still throttled"])
        #expect(discarded.finishedAt != nil)
    }

    @Test func aWorkerThatLostItsLeaseCannotFinishTheJob() async throws {
        let database = try AppDatabase.makeInMemory()
        let job = try await database.enqueueJob(NewJob(kind: "a", maxAttempts: 3), at: start).job
        _ = try await claim(database, owner: "worker-a")
        _ = try await database.rescueExpiredLeases(now: start.addingTimeInterval(31))
        _ = try await claim(database, at: 31, owner: "worker-b")
        let applied = try await database.finishAttempts(
            [(job.id, .completed(result: "{}"))], owner: "worker-a", now: start.addingTimeInterval(32))
        #expect(applied.isEmpty)
        #expect(try await database.job(id: job.id)?.leaseOwner == "worker-b")
    }
}
