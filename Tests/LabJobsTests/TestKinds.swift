import Foundation
import LabJobs
import LabStore
import Logging
import Resilience
import ServiceLifecycle

/// Fails its first `failures` attempts with a transient error, then answers with its attempt number.
struct FlakyJob: JobKind {
    struct Arguments: Codable, Sendable { var failures: Int }
    struct Output: Codable, Sendable { var attempt: Int }

    static let name = "flaky"
    let retryPolicy = JobRetryPolicy(maxAttempts: 3, backoff: .immediate)

    func run(_ arguments: Arguments, context: JobContext) async throws -> Output {
        await context.log(.info, "trying", fields: ["attempt": "\(context.attempt)"])
        if context.attempt <= arguments.failures { throw JobFailure.transient("throttled on attempt \(context.attempt)") }
        return Output(attempt: context.attempt)
    }
}

/// Refuses for good, as a kind does on AccessDenied.
struct DeniedJob: JobKind {
    struct Arguments: Codable, Sendable {}
    struct Output: Codable, Sendable {}

    static let name = "denied"
    let retryPolicy = JobRetryPolicy.standard

    func run(_ arguments: Arguments, context: JobContext) async throws -> Output {
        throw JobFailure.permanent("AccessDenied: the role may not call sqs:CreateQueue")
    }
}

/// Logs that it started, then waits at checkpoints until it is stopped.
struct WaitingJob: JobKind {
    struct Arguments: Codable, Sendable {}
    struct Output: Codable, Sendable {}

    static let name = "waiting"
    let retryPolicy = JobRetryPolicy.standard

    func run(_ arguments: Arguments, context: JobContext) async throws -> Output {
        await context.log(.info, "started")
        while true {
            try await context.checkpoint()
            try await Task.sleep(for: .milliseconds(2))
        }
    }
}

enum TestWorkers {
    static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    static func registry() -> JobRegistry {
        var registry = JobRegistry()
        registry.register(NoopJob())
        registry.register(FlakyJob())
        registry.register(DeniedJob())
        registry.register(WaitingJob())
        return registry
    }

    /// Runs a worker service in a service group around `body`, then shuts it down gracefully.
    static func withWorker(
        _ queue: JobQueue, configuration: JobWorkerConfiguration = JobWorkerConfiguration(workerCount: 4),
        _ body: () async throws -> Void
    ) async throws {
        let service = JobWorkerService(queue: queue, registry: registry(), configuration: configuration, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [service], logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            do {
                try await body()
            } catch {
                await group.triggerGracefulShutdown()
                throw error
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }
}

extension JobQueue {
    /// Waits, without a deadline of its own, until the job is finished or `isDone` says so.
    func waitUntil(jobID: Int64, _ isDone: @Sendable (JobRecord) -> Bool = { $0.state.isFinished }) async throws
        -> JobRecord
    {
        while true {
            let generation = changeGeneration(jobID: jobID)
            if let job = try await job(id: jobID), isDone(job) { return job }
            await waitForChange(jobID: jobID, after: generation, timeout: .milliseconds(200))
        }
    }
}
