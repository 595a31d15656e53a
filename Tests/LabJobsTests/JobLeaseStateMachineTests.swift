import Foundation
import LabStore
import Resilience
import Testing

@testable import LabJobs

@Suite("Lease state machine on a manual clock")
struct JobLeaseStateMachineTests {
    let clock = ManualClock()
    let time: JobClock

    init() {
        time = JobClock.manual(clock, origin: Date(timeIntervalSince1970: 1_790_000_000))
    }

    @Test func renewsOnlyOnceTheHeartbeatIsDue() {
        var machine = JobLeaseStateMachine(leaseDuration: .seconds(30), heartbeatInterval: .seconds(10))
        machine.claimed(jobID: 1, at: time.now())
        clock.advance(by: .seconds(5))
        machine.claimed(jobID: 2, at: time.now())
        clock.advance(by: .seconds(5))
        #expect(machine.jobsDueForRenewal(at: time.now()) == [1])
        clock.advance(by: .seconds(5))
        #expect(machine.jobsDueForRenewal(at: time.now()) == [1, 2])
        let owned = LeaseRenewal(isStillOwned: true, isCancelRequested: false)
        #expect(machine.renewed(jobID: 1, owned, at: time.now()) == .keepRunning)
        #expect(machine.jobsDueForRenewal(at: time.now()) == [2])
        #expect(machine.leases[1]?.expiresAt == time.now().addingTimeInterval(30))
    }

    @Test func aStoreOutageKeepsTheJobUntilItsLeaseRunsOut() {
        var machine = JobLeaseStateMachine(leaseDuration: .seconds(30), heartbeatInterval: .seconds(10))
        machine.claimed(jobID: 7, at: time.now())
        clock.advance(by: .seconds(10))
        #expect(machine.renewed(jobID: 7, nil, at: time.now()) == .keepRunning)
        clock.advance(by: .seconds(10))
        #expect(machine.renewed(jobID: 7, nil, at: time.now()) == .keepRunning)
        clock.advance(by: .seconds(10))
        #expect(machine.renewed(jobID: 7, nil, at: time.now()) == .stop(.leaseLost))
    }

    @Test func aLostLeaseOrACancelStopsTheJob() {
        var machine = JobLeaseStateMachine(leaseDuration: .seconds(30), heartbeatInterval: .seconds(10))
        machine.claimed(jobID: 1, at: time.now())
        machine.claimed(jobID: 2, at: time.now())
        clock.advance(by: .seconds(10))
        let lost = LeaseRenewal(isStillOwned: false, isCancelRequested: false)
        let cancelled = LeaseRenewal(isStillOwned: true, isCancelRequested: true)
        #expect(machine.renewed(jobID: 1, lost, at: time.now()) == .stop(.leaseLost))
        #expect(machine.renewed(jobID: 2, cancelled, at: time.now()) == .stop(.cancelRequested))
        #expect(machine.leases[1] == nil)
        machine.finished(jobID: 2)
        #expect(machine.jobsDueForRenewal(at: time.now().addingTimeInterval(60)).isEmpty)
    }
}
