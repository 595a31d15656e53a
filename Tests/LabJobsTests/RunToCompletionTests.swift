import Foundation
import LabJobs
import LabStore
import Synchronization
import Testing

@Suite("Running one job in the calling process")
struct RunToCompletionTests {
    @Test func runsTheJobHereAndReportsItsLog() async throws {
        let queue = JobQueue(database: try AppDatabase.makeInMemory(), registry: TestWorkers.registry())
        let id = try await queue.enqueue(FlakyJob.self, .init(failures: 1), learnerID: 1, labID: nil, uniqueKey: nil)
            .job.id
        let updates = UpdateLog()
        let job = try await queue.runToCompletion(jobID: id, registry: TestWorkers.registry()) { update in
            updates.append(update)
        }
        #expect(job.state == .completed && job.attempt == 2)
        let logs = updates.all.compactMap { if case .log(let entry) = $0 { entry.message } else { nil } }
        #expect(logs == ["trying", "trying"])
        let last = updates.all.last
        #expect(last == .job(job))
    }

    /// What a `kill -9` leaves: a running row whose lease expired. The next process picks it up at once.
    @Test func aJobWhoseWorkerDiedResumesHere() async throws {
        let database = try AppDatabase.makeInMemory()
        let queue = JobQueue(database: database, registry: TestWorkers.registry())
        let longAgo = Date().addingTimeInterval(-120)
        let new = NewJob(kind: NoopJob.name, learnerID: 1, maxAttempts: 3, arguments: #"{"tag":"x"}"#)
        let id = try await database.enqueueJob(new, at: longAgo).job.id
        let claimed = try await database.claimJobs(
            owner: "killed", limit: 1, now: longAgo, leaseExpiresAt: longAgo.addingTimeInterval(30))
        #expect(claimed.map(\.id) == [id])
        let job = try await queue.runToCompletion(jobID: id, registry: TestWorkers.registry())
        #expect(job.state == .completed && job.attempt == 2)
        #expect(job.errors.count == 1)
    }

    @Test func anUnknownJobIsAnError() async throws {
        let queue = JobQueue(database: try AppDatabase.makeInMemory())
        await #expect(throws: JobQueueError.notFound(42)) {
            _ = try await queue.runToCompletion(jobID: 42, registry: JobRegistry())
        }
    }
}

/// Collects the updates a follower reports, from whichever task reports them.
final class UpdateLog: Sendable {
    private let updates = Mutex<[JobUpdate]>([])

    func append(_ update: JobUpdate) { updates.withLock { $0.append(update) } }
    var all: [JobUpdate] { updates.withLock { $0 } }
}
