import ArgumentParser
import Foundation
import LabJobs
import LabStore
import Logging
import ServiceLifecycle

/// Hidden: for `scripts/bench/jobs.sh`. Enqueues `count` no-op jobs one by one (one transaction each), then starts
/// the worker pool and times it until every job is completed, all on one SQLite file in WAL mode.
///
/// Prints `total enqueue complete` in jobs per second, where total is `count` over both phases together.
struct BenchJobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-jobs", abstract: "Measure durable no-op jobs per second.", shouldDisplay: false)

    @Option(help: "Jobs to enqueue and complete.") var count = 20_000
    @Option(help: "SQLite file to create.") var database: String
    @Option(help: "Workers in the pool.") var workers = 8
    @Option(help: "Concurrent producers, as requests from many learners; each enqueue is its own transaction.")
    var producers = 1

    func run() async throws {
        let appDatabase = try openDatabaseOrExit(atPath: database)
        let queue = JobQueue(database: appDatabase)
        let logger = Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() }
        var registry = JobRegistry()
        registry.register(NoopJob())
        let service = JobWorkerService(
            queue: queue, registry: registry, configuration: JobWorkerConfiguration(workerCount: workers), logger: logger)
        let group = ServiceGroup(configuration: .init(services: [service], logger: logger))
        let clock = ContinuousClock()
        let enqueueStart = clock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for producer in 0..<self.producers {
                group.addTask {
                    for _ in stride(from: producer, to: count, by: self.producers) {
                        _ = try await queue.enqueue(NoopJob.self, .init(), learnerID: nil, labID: nil, uniqueKey: nil)
                    }
                }
            }
            try await group.waitForAll()
        }
        let enqueued = clock.now
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            while try await appDatabase.hasActiveJobs() {
                try await Task.sleep(for: .milliseconds(2))
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        let completed = clock.now
        let done = try await appDatabase.jobCountsByState()[.completed, default: 0]
        guard done == count else { throw CommandFailure("bench-jobs: \(done) of \(count) jobs completed") }
        let rates = [enqueueStart.duration(to: completed), enqueueStart.duration(to: enqueued), enqueued.duration(to: completed)]
            .map { String(format: "%.0f", Double(count) / Self.seconds($0)) }
        print(rates.joined(separator: " "))
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
