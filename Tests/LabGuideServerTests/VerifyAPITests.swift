import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LabGuideServer
import LabStore
import Testing

/// Verify's routes without workers: the tests play the worker by storing results and finishing the attempt, as
/// `VerifyJob` does, so each route's answer is checked against a known store.
@Suite("Verify API and pages")
struct VerifyAPITests {
    static let lab = "/api/v1/labs/cross-service"
    let json: HTTPFields = [.contentType: "application/json"]

    func verify(_ client: some TestClientProtocol, _ cookie: String, step: String) async throws -> TestResponse {
        try await client.execute(
            uri: "\(Self.lab)/steps/\(step)/verify", method: .post, headers: [.cookie: cookie, .contentType: "application/json"],
            body: ByteBuffer(string: "{}")
        ) { $0 }
    }

    func attemptID(_ response: TestResponse) throws -> Int64 {
        let attempts = try #require(try response.json()["attempts"] as? [[String: Any]])
        return try #require((attempts.first?["id"] as? NSNumber)?.int64Value)
    }

    /// Stores one result per status given and finishes the attempt, as the verify job does.
    func finish(_ database: AppDatabase, attempt: Int64, statuses: [String]) async throws {
        for (index, status) in statuses.enumerated() {
            try await database.recordCheckResult(
                StoredCheckResult(
                    attemptID: attempt, checkIndex: index, check: "sns.topic", status: status,
                    summary: "SNS topic lg-ana-0000-order-events exists",
                    expected: status == "failed" ? "the topic exists" : nil,
                    observed: status == "failed" ? "there is no topic lg-ana-0000-order-events" : nil,
                    hint: status == "failed" ? "Topic names are case-sensitive." : nil,
                    facts: #"{"TopicArn":"arn:aws:sns:eu-west-1:200000000001:lg-ana-0000-order-events"}"#,
                    calls: #"[{"service":"SNS","operation":"ListTopics","status":200,"milliseconds":3}]"#,
                    durationMs: 4, retryAfterSeconds: nil, finishedAt: Date()))
        }
        try await database.finishVerifyAttempt(id: attempt, at: Date())
    }

    @Test func aClickStartsAnAttemptAndASecondClickWhileItRunsGetsTheSameOne() async throws {
        let (app, _) = try await TestApp.make()
        try await app.test(.router) { client in
            let ana = try await client.join("Ana")
            let first = try await verify(client, ana, step: "create-topics")
            #expect(first.status == .accepted)
            let body = try first.json()
            #expect(body["isNew"] as? Bool == true)
            let attempt = try #require((body["attempts"] as? [[String: Any]])?.first)
            #expect(attempt["state"] as? String == "running")
            #expect((attempt["counts"] as? [String: Any])?["total"] as? Int == 3)
            let second = try await verify(client, ana, step: "create-topics")
            #expect(second.status == .ok)
            #expect(try attemptID(second) == attemptID(first))
        }
    }

    @Test func stepsWithoutChecksUnknownStepsAndOtherLearnersAttemptsAre404() async throws {
        let (app, _) = try await TestApp.make()
        try await app.test(.router) { client in
            let ana = try await client.join("Ana")
            let ben = try await client.join("Ben")
            for step in ["welcome", "no-such-step"] {
                let response = try await verify(client, ana, step: step)
                #expect(response.status == .notFound)
                #expect(response.errorMessage != nil)
            }
            let id = try attemptID(try await verify(client, ana, step: "create-topics"))
            for uri in [
                "/api/v1/verify-attempts/\(id)", "/labs/cross-service/steps/create-topics/attempts/\(id)",
                "/api/v1/verify-attempts/999999",
            ] {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: ben]) { (response) async throws in
                    #expect(response.status == .notFound, "\(uri)")
                }
            }
            try await client.execute(
                uri: "\(Self.lab)/steps/create-topics/attempts", method: .get, headers: [.cookie: ben]
            ) { (response) async throws in
                #expect((try response.json()["attempts"] as? [Any])?.isEmpty == true)
            }
        }
    }

    @Test func aPassedAttemptVerifiesTheStepDistinctlyFromCompletedByHand() async throws {
        let (app, database) = try await TestApp.make()
        try await app.test(.router) { client in
            let ana = try await client.join("Ana")
            let id = try attemptID(try await verify(client, ana, step: "create-topics"))
            try await finish(database, attempt: id, statuses: ["passed", "passed", "passed"])
            try await client.execute(uri: "\(Self.lab)/progress", method: .get, headers: [.cookie: ana]) {
                (response) async throws in
                let body = try response.json()
                #expect(body["verifiedSteps"] as? Int == 1)
                #expect(body["completedSteps"] as? Int == 1)
                let step = try #require((body["steps"] as? [[String: Any]])?.first)
                #expect(step["status"] as? String == "verified")
                #expect(step["verifiedAt"] != nil)
            }
            try await client.execute(
                uri: "/labs/cross-service/steps/create-topics", method: .get, headers: [.cookie: ana, .accept: "text/html"]
            ) { (response) async throws in
                #expect(response.text.contains(#"class="is-complete is-verified" data-step-id="create-topics""#))
                #expect(response.text.contains("(verified)"))
            }
            try await client.execute(uri: "/api/v1/verify-attempts/\(id)", method: .get, headers: [.cookie: ana]) {
                (response) async throws in
                let body = try response.json()
                #expect(body["state"] as? String == "passed")
                let check = try #require((body["checks"] as? [[String: Any]])?.first)
                #expect((check["calls"] as? [[String: Any]])?.first?["operation"] as? String == "ListTopics")
            }
        }
    }

    @Test func theFormPathShowsTheAttemptRefreshingUntilDoneThenItsHint() async throws {
        let (app, database) = try await TestApp.make()
        try await app.test(.router) { client in
            let ana = try await client.join("Ana")
            let csrf = try await client.execute(uri: "/", method: .get, headers: [.cookie: ana, .accept: "text/html"]) {
                try #require($0.cookie(named: "lg_csrf"))
            }
            let cookies = "\(ana); \(csrf)"
            let location = try await client.execute(
                uri: "/labs/cross-service/steps/create-topics/verify", method: .post,
                headers: [.cookie: cookies, .contentType: "application/x-www-form-urlencoded", .accept: "text/html"],
                body: ByteBuffer(string: "_csrf=\(csrf.dropFirst("lg_csrf=".count))")
            ) { (response) async throws in
                #expect(response.status == .seeOther)
                return try #require(response.headers[.location])
            }
            #expect(location.hasPrefix("/labs/cross-service/steps/create-topics/attempts/"))
            try await client.execute(uri: location, method: .get, headers: [.cookie: cookies, .accept: "text/html"]) {
                (response) async throws in
                #expect(response.text.contains(#"<meta http-equiv="refresh" content="1">"#))
                #expect(response.text.contains("Checking…"))
            }
            let id = try #require(Int64(location.split(separator: "/").last ?? ""))
            try await finish(database, attempt: id, statuses: ["passed", "failed", "passed"])
            try await client.execute(uri: location, method: .get, headers: [.cookie: cookies, .accept: "text/html"]) {
                (response) async throws in
                #expect(!response.text.contains(#"http-equiv="refresh""#))
                #expect(response.text.contains("Not yet"))
                #expect(response.text.contains("<strong>Hint:</strong> Topic names are case-sensitive."))
                #expect(response.text.contains("there is no topic lg-ana-0000-order-events"))
            }
            // Without the form token nothing starts.
            try await client.execute(
                uri: "/labs/cross-service/steps/create-topics/verify", method: .post,
                headers: [.cookie: ana, .contentType: "application/x-www-form-urlencoded", .accept: "text/html"],
                body: ByteBuffer(string: "")
            ) { (response) async throws in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test func pastTheLimitALearnerGets429WithRetryAfter() async throws {
        // Two at once and one a minute: however slow the machine, the third comes before a token is back.
        let (app, _) = try await TestApp.make {
            $0.verifyBurst = 2
            $0.verifiesPerMinute = 1
        }
        try await app.test(.router) { client in
            let ana = try await client.join("Ana")
            let ben = try await client.join("Ben")
            for _ in 0..<2 { #expect(try await verify(client, ana, step: "create-topics").status != .tooManyRequests) }
            let refused = try await verify(client, ana, step: "create-topics")
            #expect(refused.status == .tooManyRequests)
            #expect(Int(refused.headers[.retryAfter] ?? "") ?? 0 >= 1)
            #expect(refused.errorMessage?.contains("try again in") == true)
            // The limit is per learner: someone else is not held back.
            #expect(try await verify(client, ben, step: "create-topics").status == .accepted)
        }
    }

    @Test func anExerciseOrEverythingUpToNowIsOneJobWithAnAttemptPerCheckedStep() async throws {
        let (app, _) = try await TestApp.make()
        try await app.test(.router) { client in
            let ana = try await client.join("Ana")
            func verifyLab(_ body: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "\(Self.lab)/verify", method: .post, headers: [.cookie: ana, .contentType: "application/json"],
                    body: ByteBuffer(string: body)
                ) { $0 }
            }
            let exercise = try await verifyLab(#"{"exercise": "async-messaging"}"#)
            #expect(exercise.status == .accepted)
            let steps = try #require(try exercise.json()["attempts"] as? [[String: Any]]).compactMap { $0["stepId"] as? String }
            #expect(steps == ["create-topics", "create-queues", "subscribe-queues"])
            // Nothing is complete yet, so "up to now" is the first step with checks at most: none of the
            // introduction's steps checks anything.
            #expect(try await verifyLab(#"{"upToCurrent": true}"#).status == .notFound)
            #expect(try await verifyLab(#"{"exercise": "nope"}"#).status == .notFound)
            for bad in ["{}", #"{"exercise": "async-messaging", "upToCurrent": true}"#, "not json"] {
                let response = try await verifyLab(bad)
                #expect(response.status == .badRequest, "\(bad)")
                #expect(response.errorMessage?.contains("upToCurrent") == true)
            }
        }
    }

    @Test func theOverviewFormVerifiesAnExerciseOnAPageThatListsEachStep() async throws {
        let (app, database) = try await TestApp.make()
        try await app.test(.router) { client in
            let ana = try await client.join("Ana")
            let ben = try await client.join("Ben")
            let csrf = try await client.execute(uri: "/", method: .get, headers: [.cookie: ana, .accept: "text/html"]) {
                try #require($0.cookie(named: "lg_csrf"))
            }
            let cookies = "\(ana); \(csrf)"
            let location = try await client.execute(
                uri: "/labs/cross-service/verify", method: .post,
                headers: [.cookie: cookies, .contentType: "application/x-www-form-urlencoded", .accept: "text/html"],
                body: ByteBuffer(string: "exercise=async-messaging&_csrf=\(csrf.dropFirst("lg_csrf=".count))")
            ) { (response) async throws in
                #expect(response.status == .seeOther)
                return try #require(response.headers[.location])
            }
            #expect(location.hasPrefix("/labs/cross-service/verifications/"))
            let jobID = try #require(Int64(location.split(separator: "/").last ?? ""))
            for attempt in try await database.verifyAttempts(jobID: jobID) {
                try await finish(database, attempt: attempt.id, statuses: Array(repeating: "passed", count: attempt.checkCount))
            }
            try await client.execute(uri: location, method: .get, headers: [.cookie: cookies, .accept: "text/html"]) {
                (response) async throws in
                #expect(response.status == .ok)
                #expect(response.text.components(separatedBy: #"class="card verify-attempt is-passed""#).count == 4)
                #expect(!response.text.contains(#"http-equiv="refresh""#))
            }
            try await client.execute(uri: "/labs/cross-service", method: .get, headers: [.cookie: ana, .accept: "text/html"]) {
                (response) async throws in
                #expect(response.text.components(separatedBy: "badge-verified").count == 4)
            }
            try await client.execute(uri: location, method: .get, headers: [.cookie: ben, .accept: "text/html"]) {
                (response) async throws in
                #expect(response.status == .notFound)
            }
        }
    }
}
