import Foundation
import LabStore
import Logging
import Synchronization

/// One pool of job runners under one lease owner: the dispatcher that claims and starts jobs, and the heartbeat
/// that renews their leases, rescues abandoned ones and prunes old ones.
final class JobWorker: Sendable {
    struct State {
        var leases: JobLeaseStateMachine
        var isStopping = false
        var lastPrunedAt: Date?
    }

    let queue: JobQueue
    let configuration: JobWorkerConfiguration
    let logger: Logger
    /// Names this process in each lease, so an operator can tell who holds a job.
    let owner: String
    let execution: JobExecution
    let state: Mutex<State>

    init(queue: JobQueue, registry: JobRegistry, configuration: JobWorkerConfiguration, logger: Logger, role: String) {
        self.queue = queue
        self.configuration = configuration
        self.logger = logger
        let host = ProcessInfo.processInfo.hostName
        let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        owner = "\(role)@\(host):\(ProcessInfo.processInfo.processIdentifier):\(suffix)"
        execution = JobExecution(
            queue: queue, registry: registry, owner: owner,
            recorder: AttemptRecorder(queue: queue, owner: owner, logger: logger), logger: logger)
        state = Mutex(
            State(
                leases: JobLeaseStateMachine(
                    leaseDuration: configuration.leaseDuration, heartbeatInterval: configuration.heartbeatInterval)))
    }

    /// Stops claiming; running jobs get the grace period, then their leases go back to the queue.
    func beginShutdown() {
        state.withLock { $0.isStopping = true }
        queue.signal.notify(.queue)
    }

    var isStopping: Bool { state.withLock { $0.isStopping } }

    /// Claims up to `limit` jobs (only `jobID` when given) and starts tracking their leases.
    func claim(limit: Int, jobID: Int64? = nil) async -> [JobRecord] {
        let now = queue.clock.now()
        do {
            let claimed = try await queue.database.claimJobs(
                owner: owner, limit: limit, now: now,
                leaseExpiresAt: now.addingTimeInterval(configuration.leaseDuration.seconds), jobID: jobID)
            if !claimed.isEmpty {
                state.withLock { state in
                    for job in claimed { state.leases.claimed(jobID: job.id, at: now) }
                }
            }
            return claimed
        } catch {
            logger.warning("Could not claim jobs", metadata: ["error": "\(error)"])
            return []
        }
    }

    /// Runs one claimed job and forgets its lease afterwards.
    func runClaimed(_ job: JobRecord) async {
        // A job claimed ahead whose lease was lost meanwhile belongs to someone else now.
        guard state.withLock({ $0.leases.leases[job.id] != nil }) else { return }
        await execution.run(job)
        _ = state.withLock { $0.leases.finished(jobID: job.id) }
    }

    /// Runs a job this worker claimed with its own heartbeat, for a process that runs just that job (the CLI).
    func runClaimedWithHeartbeat(_ job: JobRecord) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.heartbeat(housekeeping: false) }
            await runClaimed(job)
            group.cancelAll()
        }
    }

    /// Stops every job this worker runs, for the end of the shutdown grace period.
    func stopRunningJobs(_ reason: JobStopReason) {
        let ids = state.withLock { Array($0.leases.leases.keys) }
        for control in queue.runningControls.controls(for: ids) { control.stop(reason) }
    }
}
