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

@Suite("ReadCache byte bound")
struct ReadCacheByteBoundTests {
    @Test func entriesPastTheByteBudgetStartTheMapOver() {
        let cache = ReadCache(capacity: 1_000, byteCapacity: 4_096)
        let longName = String(repeating: "n", count: 1_000)
        for index in 1...10 {
            let learner = Learner(name: longName, handle: "h-\(index)", resourcePrefix: "lg-h-\(index)-", createdAt: Date())
            cache.storeSession(
                .init(learner: learner, expiresAt: .distantFuture), tokenHash: "t\(index)", readAt: cache.generation)
            #expect(cache.bytesHeld.sessions <= 4_096)
        }
        // Ten long names do not fit in 4 KiB: the first ones were let go although the count limit is far away.
        #expect(cache.session(tokenHash: "t1") == nil)
        #expect(cache.session(tokenHash: "t10") != nil)
        cache.dropSession(tokenHash: "t10")
        #expect(cache.session(tokenHash: "t10") == nil)
    }
}
