public import LabStore
public import Logging
import Synchronization

/// What someone following a job sees, in order: each new log line, and the job whenever its state or progress moved.
public enum JobUpdate: Sendable, Equatable {
    case log(JobLogEntry)
    case job(JobRecord)
}

/// Why `runToCompletion` could not follow a job.
public struct JobQueueError: Error, Equatable, CustomStringConvertible {
    public let description: String

    public static func notFound(_ id: Int64) -> JobQueueError { JobQueueError(description: "no job with id \(id)") }
}

extension JobQueue {
    /// Runs one job to its end in this process and returns it finished, reporting each update on the way.
    ///
    /// The job is claimed here whenever it is ready and nobody holds it (a retry comes back here too), and runs with
    /// its own heartbeat. While another process holds the lease, this follows the store until the job finishes; a
    /// lease that expired there (a killed server) is rescued, so the job goes on here at once.
    public func runToCompletion(
        jobID: Int64, registry: JobRegistry,
        configuration: JobWorkerConfiguration = JobWorkerConfiguration(workerCount: 1),
        logger: Logger = Logger(label: "labguide.jobs"),
        onUpdate: @escaping @Sendable (JobUpdate) async -> Void = { _ in }
    ) async throws -> JobRecord {
        let worker = JobWorker(
            queue: self, registry: registry, configuration: configuration, logger: logger, role: "cli")
        let isRunningHere = RunningFlag()
        return try await withThrowingTaskGroup(of: Void.self) { group in
            var follower = JobFollower(jobID: jobID)
            while true {
                let generation = changeGeneration(jobID: jobID)
                guard let job = try await database.job(id: jobID) else { throw JobQueueError.notFound(jobID) }
                try await follower.publish(job, from: database, to: onUpdate)
                if job.state.isFinished {
                    try await group.waitForAll()
                    return job
                }
                let now = clock.now()
                if !isRunningHere.value, job.state == .running, let expiry = job.leaseExpiresAt, expiry < now {
                    let rescued = try await database.rescueExpiredLeases(now: now)
                    metrics?.recordRescued(rescued.count)
                    continue
                }
                if !isRunningHere.value, job.state != .running, job.runAt <= now,
                    let claimed = await worker.claim(limit: 1, jobID: jobID).first
                {
                    isRunningHere.value = true
                    group.addTask {
                        await worker.runClaimedWithHeartbeat(claimed)
                        isRunningHere.value = false
                    }
                    continue
                }
                await waitForChange(jobID: jobID, after: generation, timeout: configuration.pollInterval)
            }
        }
    }
}

/// Whether this process is running the followed job right now.
private final class RunningFlag: Sendable {
    private let state = Mutex(false)

    var value: Bool {
        get { state.withLock { $0 } }
        set { state.withLock { $0 = newValue } }
    }
}
