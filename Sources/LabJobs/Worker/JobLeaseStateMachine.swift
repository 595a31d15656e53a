import Foundation
import LabStore

/// The lease decisions of one worker, as a plain struct: which leases to renew when, and what a renewal means.
///
/// It reads no clock itself; every method takes `now` from the worker's injected `JobClock`, so tests drive it
/// with a manual clock (hummingbird's `HTTPConnectionStateHandler.StateMachine` is the model).
struct JobLeaseStateMachine {
    struct Lease: Equatable {
        /// When the store will consider the job abandoned unless renewed.
        var expiresAt: Date
        /// When the next heartbeat should renew it.
        var renewAt: Date
    }

    /// What the worker should do with a job after a heartbeat.
    enum RenewalAction: Equatable {
        case keepRunning
        case stop(JobStopReason)
    }

    let leaseDuration: Duration
    let heartbeatInterval: Duration
    private(set) var leases: [Int64: Lease] = [:]

    init(leaseDuration: Duration, heartbeatInterval: Duration) {
        self.leaseDuration = leaseDuration
        self.heartbeatInterval = min(heartbeatInterval, leaseDuration)
    }

    /// The lease expiry to claim with at `now`.
    func leaseExpiry(from now: Date) -> Date { now.addingTimeInterval(leaseDuration.seconds) }

    mutating func claimed(jobID: Int64, at now: Date) {
        leases[jobID] = Lease(expiresAt: leaseExpiry(from: now), renewAt: now.addingTimeInterval(heartbeatInterval.seconds))
    }

    mutating func finished(jobID: Int64) {
        leases[jobID] = nil
    }

    /// The jobs whose heartbeat is due at `now`, in id order.
    func jobsDueForRenewal(at now: Date) -> [Int64] {
        leases.filter { $0.value.renewAt <= now }.keys.sorted()
    }

    /// Applies one heartbeat's answer; `renewal` nil means the store could not be reached.
    ///
    /// A failed renewal keeps the job running while its old lease lasts and retries at the next beat; once the lease
    /// has run out, another worker may already hold the job, so this one stops.
    mutating func renewed(jobID: Int64, _ renewal: LeaseRenewal?, at now: Date) -> RenewalAction {
        guard var lease = leases[jobID] else { return .keepRunning }
        guard let renewal else {
            lease.renewAt = now.addingTimeInterval(heartbeatInterval.seconds)
            leases[jobID] = lease
            return now >= lease.expiresAt ? .stop(.leaseLost) : .keepRunning
        }
        guard renewal.isStillOwned else {
            leases[jobID] = nil
            return .stop(.leaseLost)
        }
        leases[jobID] = Lease(expiresAt: leaseExpiry(from: now), renewAt: now.addingTimeInterval(heartbeatInterval.seconds))
        return renewal.isCancelRequested ? .stop(.cancelRequested) : .keepRunning
    }
}
