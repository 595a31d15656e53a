import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LabContent
import LabStore
import Testing

@testable import LabGuideServer

/// Finding 4 of issue 12: names are limited in bytes, joins per address over time, caches in bytes.
@Suite("Join limits")
struct JoinLimitTests {
    static func postJoin(_ client: some TestClientProtocol, _ name: String) async throws -> TestResponse {
        try await client.execute(
            uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
            body: ByteBuffer(string: #"{"name": \#(jsonString(name))}"#)
        ) { $0 }
    }

    @Test func aNameOfOneLetterAndThousandsOfCombiningMarksIsRefused() async throws {
        let name = "a" + String(repeating: "\u{0301}", count: 30_000)
        #expect(name.count == 1)
        let (app, _) = try await TestApp.make()
        try await app.test(.router) { client in
            let response = try await Self.postJoin(client, name)
            #expect(response.status == .badRequest)
            #expect(response.errorMessage?.contains("at most 256 bytes") == true, "\(response.errorMessage ?? "")")
            #expect(try await Self.postJoin(client, String(repeating: "é", count: 80)).status == .created)
        }
    }

    @Test func joinsPastTheLimitGet429WithRetryAfter() async throws {
        let (app, _) = try await TestApp.make {
            $0.joinBurst = 3
            $0.joinsPerMinute = 2
        }
        try await app.test(.live) { client in
            for index in 0..<3 { #expect(try await Self.postJoin(client, "Burst \(index)").status == .created) }
            let refused = try await Self.postJoin(client, "One too many")
            #expect(refused.status == .tooManyRequests)
            // At most a token's 30 s; less when the joins above took a while on a busy machine.
            #expect((1...30).contains(Int(refused.headers[.retryAfter] ?? "") ?? 0))
            #expect(refused.errorMessage?.contains("Too many joins") == true)
        }
    }

    @Test func theLimiterRefillsOverTimeAndCountsEachAddressApart() throws {
        let limiter = RateLimiter(configuration: .init(burst: 2, perMinute: 60))
        let start = Date()
        try limiter.admit("10.0.0.1", now: start)
        try limiter.admit("10.0.0.1", now: start)
        #expect(throws: HTTPError.self) { try limiter.admit("10.0.0.1", now: start) }
        try limiter.admit("10.0.0.2", now: start)
        try limiter.admit("10.0.0.1", now: start.addingTimeInterval(1))
    }

    @Test func theLearnerCacheIsBoundedInBytes() throws {
        let cache = LearnerLabCache<String>(capacity: 1_000, byteCapacity: 8_192, bytes: { $0.utf8.count })
        let lab = try #require(try LabLibrary.load(from: TestApp.repositoryRoot.appendingPathComponent("labs")).labs.first)
        for id in Int64(1)...20 {
            let learner = Learner(id: id, name: "n", handle: "h", resourcePrefix: "p", createdAt: Date())
            _ = cache.value(for: learner, in: lab) { String(repeating: "v", count: 1_000) }
            #expect(cache.bytesHeld <= 8_192)
        }
    }
}
