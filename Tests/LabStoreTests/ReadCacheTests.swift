import Foundation
import Testing

@testable import LabStore

@Suite("ReadCache")
struct ReadCacheTests {
    let key = ReadCache.ProgressKey(learnerID: 1, labID: "lab")
    let viewed = StepProgress(
        learnerID: 1, labID: "lab", stepID: "one", status: .viewed, firstViewedAt: Date(), completedAt: nil)

    @Test func aReadThatRacedAWriteIsNotKept() {
        let cache = ReadCache()
        let generation = cache.generation
        // A write lands while the read is in flight: what the read saw may be older than the write.
        cache.dropProgress(key)
        cache.storeProgress(["one": viewed], for: key, readAt: generation)
        #expect(cache.progress(key) == nil)
        cache.storeProgress(["one": viewed], for: key, readAt: cache.generation)
        #expect(cache.progress(key)?["one"] == viewed)
    }

    @Test func closingASessionForgetsIt() {
        let cache = ReadCache()
        let learner = Learner(name: "Ana", handle: "ana-1", resourcePrefix: "lg-ana-1-", createdAt: Date())
        cache.storeSession(.init(learner: learner, expiresAt: .distantFuture), tokenHash: "h", readAt: cache.generation)
        #expect(cache.session(tokenHash: "h")?.learner == learner)
        cache.dropSession(tokenHash: "h")
        #expect(cache.session(tokenHash: "h") == nil)
    }

    @Test func aFullMapStartsOverInsteadOfGrowing() {
        let cache = ReadCache(capacity: 2)
        for learnerID in Int64(1)...3 {
            cache.storeProgress([:], for: .init(learnerID: learnerID, labID: "lab"), readAt: cache.generation)
        }
        #expect(cache.progress(.init(learnerID: 3, labID: "lab")) != nil)
        #expect(cache.progress(.init(learnerID: 1, labID: "lab")) == nil)
    }
}
