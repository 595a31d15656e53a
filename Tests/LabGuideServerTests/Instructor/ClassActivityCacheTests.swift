import Foundation
import LabContent
import LabStore
import Testing

@testable import LabGuideServer

/// The class board read through the cache must match a full read of the store after every kind of change, and
/// read only the learners the new events name.
@Suite("Class activity cache")
struct ClassActivityCacheTests {
    let lab = StuckRuleTests.lab
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    func join(_ database: AppDatabase, _ name: String) async throws -> Int64 {
        try await database.createLearner(
            Learner(name: name, handle: name.lowercased(), resourcePrefix: "lg-\(name.lowercased())-", createdAt: start)
        ).id!
    }

    /// What a full read of the store says, in the cache's terms.
    func fullRead(_ database: AppDatabase) async throws -> [LearnerActivity] {
        try await database.classActivity(labID: lab.id)
    }

    @Test func followsEveryChangeAndReadsOnlyTheLearnersNamed() async throws {
        let database = try AppDatabase.makeInMemory()
        let steps = lab.steps.map(\.id)
        let reads = Reads()
        let cache = ClassActivityCache(database: database, deltaLimit: 50) { labID, learnerIDs in
            await reads.record(learnerIDs)
            let attempts = try await ClassBoardLoader.verifyAttempts(
                database: database, labID: labID, learnerIDs: learnerIDs)
            return (try await database.classActivity(labID: labID, learnerIDs: learnerIDs), attempts)
        }
        let ana = try await join(database, "Ana")
        let ben = try await join(database, "Ben")
        try await database.recordStepViewed(learnerID: ana, labID: lab.id, stepID: steps[0], at: start)

        var snapshot = try await cache.snapshot(labID: lab.id)
        #expect(snapshot.activityList == (try await fullRead(database)))
        #expect(await reads.all == [nil])

        // Nothing new: no read at all.
        _ = try await cache.snapshot(labID: lab.id)
        #expect(await reads.all == [nil])

        // A completion, a Verify result and a newcomer: only the learners they name are read again.
        try await database.recordStepCompleted(learnerID: ben, labID: lab.id, stepID: steps[0], at: start + 60)
        let cy = try await join(database, "Cy")
        snapshot = try await cache.snapshot(labID: lab.id)
        #expect(snapshot.activityList == (try await fullRead(database)))
        #expect(snapshot.order == [ana, ben, cy])
        #expect(await reads.all.last == [ben, cy])
        #expect(snapshot.lastEventID == (try await database.latestEventID()))

        // Far behind (more events than the limit): one full read instead.
        for minute in 0..<60 {
            try await database.recordStepViewed(
                learnerID: cy, labID: lab.id, stepID: steps[minute % steps.count], at: start + Double(minute))
        }
        snapshot = try await cache.snapshot(labID: lab.id)
        #expect(snapshot.activityList == (try await fullRead(database)))
        #expect(await reads.all.last == .some(nil))
    }

    @Test func concurrentCallersEachSeeWhatWasCommittedBeforeThem() async throws {
        let database = try AppDatabase.makeInMemory()
        let cache = ClassActivityCache(database: database) { labID, learnerIDs in
            (try await database.classActivity(labID: labID, learnerIDs: learnerIDs), [:])
        }
        let step = lab.steps[0].id
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<20 {
                group.addTask {
                    let id = try await join(database, "Learner\(index)")
                    try await database.recordStepViewed(learnerID: id, labID: lab.id, stepID: step, at: start)
                    let snapshot = try await cache.snapshot(labID: lab.id)
                    #expect(snapshot.activities[id]?.progress[step] != nil)
                }
            }
            try await group.waitForAll()
        }
        #expect((try await cache.snapshot(labID: lab.id)).order.count == 20)
    }
}

/// The learner ids each load was asked for (nil: the whole class).
private actor Reads {
    var all: [[Int64]?] = []

    func record(_ learnerIDs: [Int64]?) { all.append(learnerIDs?.sorted()) }
}
