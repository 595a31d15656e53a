import Foundation
import LabStore
import Testing

@Suite("Job store: leases, cancel, retry, logs and retention")
struct JobControlStoreTests {
    let start = Date(timeIntervalSince1970: 1_790_000_000)

    func claimOne(_ database: AppDatabase, at offset: TimeInterval = 0, owner: String = "worker-a") async throws
        -> JobRecord?
    {
        try await database.claimJobs(
            owner: owner, limit: 1, now: start.addingTimeInterval(offset),
            leaseExpiresAt: start.addingTimeInterval(offset + 30)
        ).first
    }

    /// River's and Oban's test: a running row whose lease ended long ago, as a killed worker leaves it.
    @Test func anExpiredLeaseMakesTheJobClaimableAtOnce() async throws {
        let database = try AppDatabase.makeInMemory()
        let job = try await database.enqueueJob(NewJob(kind: "provision", learnerID: 1, maxAttempts: 3), at: start).job
        _ = try await claimOne(database, owner: "killed")
        #expect(try await database.rescueExpiredLeases(now: start.addingTimeInterval(29)).isEmpty)
        let rescued = try await database.rescueExpiredLeases(now: start.addingTimeInterval(31))
        #expect(rescued.map(\.id) == [job.id])
        #expect(rescued.first?.state == .retryable)
        #expect(rescued.first?.errors.count == 1)
        let again = try #require(try await claimOne(database, at: 31, owner: "restarted"))
        #expect(again.id == job.id && again.attempt == 2)
    }

    @Test func aRescueOnTheLastAttemptDiscards() async throws {
        let database = try AppDatabase.makeInMemory()
        let job = try await database.enqueueJob(NewJob(kind: "a", maxAttempts: 1), at: start).job
        _ = try await claimOne(database)
        _ = try await database.rescueExpiredLeases(now: start.addingTimeInterval(60))
        #expect(try await database.job(id: job.id)?.state == .discarded)
    }

    @Test func renewalExtendsOnlyOurLeaseAndReportsCancellation() async throws {
        let database = try AppDatabase.makeInMemory()
        let job = try await database.enqueueJob(NewJob(kind: "a"), at: start).job
        _ = try await claimOne(database)
        let later = start.addingTimeInterval(60)
        #expect(try await database.renewLease(jobID: job.id, owner: "worker-a", until: later).isStillOwned)
        #expect(try await database.renewLease(jobID: job.id, owner: "worker-b", until: later).isStillOwned == false)
        #expect(try await database.rescueExpiredLeases(now: start.addingTimeInterval(45)).isEmpty)
        _ = try await database.requestCancel(jobID: job.id, now: start)
        let renewal = try await database.renewLease(jobID: job.id, owner: "worker-a", until: later)
        #expect(renewal == LeaseRenewal(isStillOwned: true, isCancelRequested: true))
    }

    @Test func cancellingAQueuedJobIsImmediateAndRetryRequeuesIt() async throws {
        let database = try AppDatabase.makeInMemory()
        let job = try await database.enqueueJob(NewJob(kind: "a", uniqueKey: "k"), at: start).job
        #expect(try await database.requestCancel(jobID: job.id, now: start)?.state == .cancelled)
        #expect(try await database.requestCancel(jobID: job.id, now: start)?.state == .cancelled)
        #expect(try await database.retryJob(jobID: job.id, now: start)?.state == .available)
        await #expect(throws: JobStoreError.notRetryable(.available)) {
            _ = try await database.retryJob(jobID: job.id, now: start)
        }
        #expect(try await database.requestCancel(jobID: 999, now: start) == nil)
    }

    @Test func retryRefusesWhileAnotherJobHoldsTheKey() async throws {
        let database = try AppDatabase.makeInMemory()
        let old = try await database.enqueueJob(NewJob(kind: "a", uniqueKey: "k"), at: start).job
        _ = try await database.requestCancel(jobID: old.id, now: start)
        _ = try await database.enqueueJob(NewJob(kind: "a", uniqueKey: "k"), at: start)
        await #expect(throws: JobStoreError.uniqueKeyTaken) {
            _ = try await database.retryJob(jobID: old.id, now: start)
        }
    }

    @Test func logLinesComeBackInOrderAfterAnID() async throws {
        let database = try AppDatabase.makeInMemory()
        let job = try await database.enqueueJob(NewJob(kind: "a"), at: start).job
        var ids: [Int64] = []
        for message in ["one", "two", "three"] {
            let entry = JobLogEntry(jobID: job.id, at: start, level: .info, message: message, fields: ["n": message])
            ids.append(try await database.appendJobLog(entry).id)
        }
        #expect(ids == ids.sorted() && Set(ids).count == 3)
        let rest = try await database.jobLog(jobID: job.id, after: ids[0])
        #expect(rest.map(\.message) == ["two", "three"])
        #expect(rest.first?.fields == ["n": "two"])
    }

    @Test func pruningKeepsActiveJobsAndKindsKeptForGood() async throws {
        let database = try AppDatabase.makeInMemory()
        for kind in ["noop", "verify", "noop"] {
            _ = try await database.enqueueJob(NewJob(kind: kind), at: start)
        }
        let queued = try await database.enqueueJob(NewJob(kind: "noop"), at: start.addingTimeInterval(1)).job
        let claimed = try await database.claimJobs(
            owner: "w", limit: 3, now: start, leaseExpiresAt: start.addingTimeInterval(30))
        try await database.finishAttempts(claimed.map { ($0.id, .completed(result: "{}")) }, owner: "w", now: start)
        _ = try await database.appendJobLog(JobLogEntry(jobID: claimed[0].id, at: start, level: .info, message: "x"))
        let pruned = try await database.pruneFinishedJobs(
            finishedBefore: start.addingTimeInterval(1), keepingKinds: ["verify"])
        #expect(pruned == 2)
        #expect(try await database.jobs().map(\.kind).sorted() == ["noop", "verify"])
        #expect(try await database.job(id: queued.id) != nil)
        #expect(try await database.jobLog(jobID: claimed[0].id).isEmpty)
        #expect(try await database.hasActiveJobs())
        _ = try await database.requestCancel(jobID: queued.id, now: start)
        #expect(try await database.hasActiveJobs() == false)
    }

    @Test func ledgerEntriesAreMarkedRemovedNotDeleted() async throws {
        let database = try AppDatabase.makeInMemory()
        let entry = try await database.recordLedgerEntry(
            learnerID: 1, labID: "lab", kind: "sqs-queue", name: "lg-a-orders", identifier: "https://q", jobID: nil,
            at: start)
        try await database.markLedgerEntryRemoved(id: entry.id, at: start.addingTimeInterval(5))
        let ledger = try await database.ledger(learnerID: 1, labID: "lab")
        #expect(ledger.map(\.name) == ["lg-a-orders"])
        #expect(ledger.first?.isRemoved == true)
        #expect(try await database.ledger(learnerID: 2, labID: "lab").isEmpty)
    }
}
