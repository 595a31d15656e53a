import Foundation
import LabStore
import Logging
import Synchronization

extension JobWorker {
    /// Renews due leases, and with `housekeeping` also rescues expired leases, prunes, and refreshes the gauges,
    /// until the task is cancelled.
    func heartbeat(housekeeping: Bool) async {
        if housekeeping { await keepHouse() }
        let tick = min(configuration.heartbeatInterval / 2, configuration.pollInterval * 5)
        while !Task.isCancelled {
            do { try await queue.clock.sleep(for: tick) } catch { return }
            await renewDueLeases()
            if housekeeping { await keepHouse() }
        }
    }

    /// One heartbeat: renews every lease that is due in one transaction and stops jobs whose lease is gone or
    /// whose cancellation was requested from another process.
    func renewDueLeases() async {
        let now = queue.clock.now()
        let due = state.withLock { $0.leases.jobsDueForRenewal(at: now) }
        guard !due.isEmpty else { return }
        let renewals: [Int64: LeaseRenewal]?
        do {
            renewals = try await queue.database.renewLeases(
                jobIDs: due, owner: owner, until: now.addingTimeInterval(configuration.leaseDuration.seconds))
        } catch {
            logger.warning("Could not renew job leases", metadata: ["job.count": "\(due.count)", "error": "\(error)"])
            renewals = nil
        }
        let lost = LeaseRenewal(isStillOwned: false, isCancelRequested: false)
        let actions = state.withLock { state in
            due.map { id in (id, state.leases.renewed(jobID: id, renewals.map { $0[id] ?? lost }, at: now)) }
        }
        for (id, action) in actions {
            guard case .stop(let reason) = action else { continue }
            logger.info("Stopping job", metadata: ["job.id": "\(id)", "job.stop_reason": "\(reason)"])
            queue.runningControls.control(for: id)?.stop(reason)
        }
    }

    /// Rescues abandoned jobs (so they run again at once), prunes finished ones when due, refreshes the gauges.
    func keepHouse() async {
        let now = queue.clock.now()
        do {
            let rescued = try await queue.database.rescueExpiredLeases(now: now)
            if !rescued.isEmpty {
                logger.notice("Rescued jobs whose worker stopped", metadata: ["job.count": "\(rescued.count)"])
                queue.metrics?.recordRescued(rescued.count)
                queue.signal.notify(.queue)
                for job in rescued { queue.signal.notify(.job(job.id)) }
            }
            if let retention = configuration.retention, isPruneDue(at: now) {
                let pruned = try await queue.database.pruneFinishedJobs(
                    finishedBefore: now.addingTimeInterval(-retention.seconds), keepingKinds: configuration.keptKinds)
                if pruned > 0 { logger.info("Pruned finished jobs", metadata: ["job.count": "\(pruned)"]) }
            }
        } catch {
            logger.warning("Job housekeeping failed", metadata: ["error": "\(error)"])
        }
        await queue.metrics?.refresh(from: queue.database)
    }

    private func isPruneDue(at now: Date) -> Bool {
        state.withLock { state in
            if let last = state.lastPrunedAt, now.timeIntervalSince(last) < configuration.pruneInterval.seconds {
                return false
            }
            state.lastPrunedAt = now
            return true
        }
    }
}
