import Foundation
import LabStore
import Testing

@Suite("AppDatabase")
struct AppDatabaseTests {
    let start = Date(timeIntervalSince1970: 1_790_000_000)

    func makeLearner(handle: String = "ana-7f3k") -> Learner {
        Learner(name: "Ana <b>", handle: handle, resourcePrefix: "lg-\(handle)-", createdAt: start)
    }

    @Test func createsLearnerWithJoinedEvent() async throws {
        let database = try AppDatabase.makeInMemory()
        let learner = try await database.createLearner(makeLearner())
        let id = try #require(learner.id)
        #expect(try await database.learner(id: id) == learner)
        #expect(try await database.events(learnerID: id).map(\.kind) == [.joined])
    }

    @Test func rejectsDuplicateHandle() async throws {
        let database = try AppDatabase.makeInMemory()
        _ = try await database.createLearner(makeLearner())
        await #expect(throws: LearnerStoreError.handleTaken) {
            _ = try await database.createLearner(makeLearner())
        }
    }

    @Test func sessionsResolveUntilExpiryOrClose() async throws {
        let database = try AppDatabase.makeInMemory()
        let learner = try await database.createLearner(makeLearner())
        let session = LearnerSession(
            tokenHash: "abc", learnerID: try #require(learner.id), createdAt: start,
            expiresAt: start.addingTimeInterval(60))
        try await database.openSession(session)
        #expect(try await database.learner(sessionTokenHash: "abc", now: start) == learner)
        #expect(try await database.learner(sessionTokenHash: "abc", now: start.addingTimeInterval(61)) == nil)
        #expect(try await database.learner(sessionTokenHash: "other", now: start) == nil)
        try await database.closeSession(tokenHash: "abc")
        try await database.closeSession(tokenHash: "abc")
        #expect(try await database.learner(sessionTokenHash: "abc", now: start) == nil)
    }

    @Test func completionIsIdempotentAndKeepsFirstTimes() async throws {
        let database = try AppDatabase.makeInMemory()
        let id = try #require(try await database.createLearner(makeLearner()).id)
        try await database.recordStepViewed(learnerID: id, labID: "lab", stepID: "one", at: start)
        let first = try await database.recordStepCompleted(
            learnerID: id, labID: "lab", stepID: "one", at: start.addingTimeInterval(10))
        let second = try await database.recordStepCompleted(
            learnerID: id, labID: "lab", stepID: "one", at: start.addingTimeInterval(20))
        #expect(first == second)
        #expect(first.firstViewedAt == start)
        #expect(first.completedAt == start.addingTimeInterval(10))
        let progress = try await database.progress(learnerID: id, labID: "lab")
        #expect(progress.keys.sorted() == ["one"])
        #expect(try await database.events(learnerID: id).map(\.kind) == [.joined, .viewedStep, .completedStep])
    }

    @Test func viewingAfterCompletionKeepsCompletion() async throws {
        let database = try AppDatabase.makeInMemory()
        let id = try #require(try await database.createLearner(makeLearner()).id)
        try await database.recordStepCompleted(learnerID: id, labID: "lab", stepID: "one", at: start)
        try await database.recordStepViewed(learnerID: id, labID: "lab", stepID: "one", at: start.addingTimeInterval(5))
        #expect(try await database.progress(learnerID: id, labID: "lab")["one"]?.isCompleted == true)
    }

    @Test func progressReadsSeeEveryWrite() async throws {
        let database = try AppDatabase.makeInMemory()
        let id = try #require(try await database.createLearner(makeLearner()).id)
        // Each read below follows a write to the same learner and lab: a stale in-memory copy would show.
        #expect(try await database.progress(learnerID: id, labID: "lab").isEmpty)
        try await database.recordStepViewed(learnerID: id, labID: "lab", stepID: "one", at: start)
        #expect(try await database.progress(learnerID: id, labID: "lab")["one"]?.status == .viewed)
        try await database.recordStepCompleted(learnerID: id, labID: "lab", stepID: "one", at: start)
        #expect(try await database.progress(learnerID: id, labID: "lab")["one"]?.isCompleted == true)
        try await database.recordStepCompleted(learnerID: id, labID: "other", stepID: "two", at: start)
        #expect(try await database.progress(learnerID: id, labID: "lab").keys.sorted() == ["one"])
        #expect(try await database.progress(learnerID: id, labID: "other").keys.sorted() == ["two"])
    }

    @Test func progressSurvivesReopeningTheFile() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labstore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("labguide.sqlite").path

        do {
            let database = try AppDatabase.openFile(atPath: path)
            let id = try #require(try await database.createLearner(makeLearner()).id)
            try await database.recordStepCompleted(learnerID: id, labID: "lab", stepID: "one", at: start)
        }
        let reopened = try AppDatabase.openFile(atPath: path)
        let learners = try await reopened.allLearners()
        #expect(learners.map(\.handle) == ["ana-7f3k"])
        let progress = try await reopened.progress(learnerID: try #require(learners.first?.id), labID: "lab")
        #expect(progress["one"]?.isCompleted == true)
    }

    @Test func corruptFileGivesAClearError() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("corrupt-\(UUID().uuidString).sqlite")
        try Data(repeating: 0x41, count: 8192).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        #expect {
            _ = try AppDatabase.openFile(atPath: path.path)
        } throws: { error in
            "\(error)".contains("not a LabGuide database or is corrupt")
        }
    }

    @Test func missingFolderGivesAClearError() throws {
        #expect {
            _ = try AppDatabase.openFile(atPath: "/nonexistent-folder-\(UUID().uuidString)/db.sqlite")
        } throws: { error in
            "\(error)".contains("does not exist")
        }
    }
}
