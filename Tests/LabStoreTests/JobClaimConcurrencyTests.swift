import Foundation
import LabStore
import Testing

@Suite("Job store: claims from several connections")
struct JobClaimConcurrencyTests {
    /// Two database pools on one file stand for two processes; each job must be claimed exactly once.
    @Test func concurrentClaimersNeverShareAJob() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("queue.sqlite").path
        let first = try AppDatabase.openFile(atPath: path)
        let second = try AppDatabase.openFile(atPath: path)
        let now = Date()
        _ = try await first.enqueueJobs((0..<400).map { _ in NewJob(kind: "noop") }, at: now)
        let claims = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for worker in 0..<8 {
                let database = worker.isMultiple(of: 2) ? first : second
                group.addTask {
                    var mine: [Int64] = []
                    while true {
                        let batch = try await database.claimJobs(
                            owner: "w\(worker)", limit: 7, now: now, leaseExpiresAt: now.addingTimeInterval(30))
                        if batch.isEmpty { return mine }
                        mine += batch.map(\.id)
                    }
                }
            }
            return try await group.reduce(into: [Int64]()) { $0 += $1 }
        }
        #expect(claims.count == 400)
        #expect(Set(claims).count == 400)
    }
}
