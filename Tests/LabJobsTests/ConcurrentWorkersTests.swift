import Foundation
import LabJobs
import LabStore
import Testing

@Suite("Two worker processes on one database file")
struct ConcurrentWorkersTests {
    /// Two pools over one file stand for two servers: every job must run exactly once, on its first attempt.
    @Test func everyJobRunsOnceAcrossWorkers() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("queue.sqlite").path
        let first = JobQueue(database: try AppDatabase.openFile(atPath: path), registry: TestWorkers.registry())
        let second = JobQueue(database: try AppDatabase.openFile(atPath: path), registry: TestWorkers.registry())
        var ids: [Int64] = []
        for index in 0..<200 {
            let queue = index.isMultiple(of: 2) ? first : second
            ids.append(
                try await queue.enqueue(NoopJob.self, .init(tag: "\(index)"), learnerID: nil, labID: nil, uniqueKey: nil)
                    .job.id)
        }
        try await TestWorkers.withWorker(first) {
            try await TestWorkers.withWorker(second) {
                for id in ids { _ = try await first.waitUntil(jobID: id) }
            }
        }
        let jobs = try await first.jobs(JobFilter(limit: 1000))
        #expect(jobs.count == 200)
        #expect(jobs.allSatisfy { $0.state == .completed && $0.attempt == 1 && $0.errors.isEmpty })
    }
}
