import Foundation
import HTTPTypes
import LabStore
import NIOCore
import Testing

@testable import LabGuideServer

/// A held class is decided by one rule on both ways a step page is served: the route, and memory.
@Suite("Held step pages")
struct HeldStepPageTests {
    @Test func bothPathsHoldAndReleaseTheSamePage() async throws {
        let fixture = try await InMemoryStepPageTests.Fixture.make()
        let headers: HTTPFields = [.cookie: fixture.cookies]
        let (labID, stepID) = ("cross-service", "create-topics")
        try await fixture.database.holdClass(ClassHold(labID: labID, exerciseID: "deploy-mesh", heldAt: Date()))
        // The hold changed the class state: memory does not answer until the route has read it again.
        #expect(fixture.pages.pageFromMemory(labID: labID, stepID: stepID, headers: headers, now: Date()) == nil)
        let held = try await fixture.routePage()
        #expect(held.body.contains("Your instructor will open this shortly"))
        let fromMemory = try #require(fixture.pages.pageFromMemory(labID: labID, stepID: stepID, headers: headers, now: Date()))
        #expect(String(buffer: fromMemory) == held.body)

        try await fixture.database.releaseClass(labID: labID)
        let open = try await fixture.routePage()
        #expect(!open.body.contains("Your instructor will open this shortly"))
        let openFromMemory = try #require(
            fixture.pages.pageFromMemory(labID: labID, stepID: stepID, headers: headers, now: Date()))
        #expect(String(buffer: openFromMemory) == open.body)
    }
}
