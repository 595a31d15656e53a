import Foundation
import Hummingbird
import HummingbirdTesting
import LabStore
import Testing

@testable import LabGuideServer

/// Who gets into the instructor's pages and API: only a browser that signed in with the key.
@Suite("Instructor access")
struct InstructorAccessTests {
    static let key = "test-instructor-key-0123456789"
    static let json: HTTPFields = [.contentType: "application/json"]

    /// Every instructor route, each of which must answer 403 without an instructor session.
    static let routes: [(HTTPRequest.Method, String)] = [
        (.get, "/instructor"), (.get, "/instructor/learners/1"), (.get, "/instructor/class.csv"),
        (.post, "/instructor/sign-out"), (.get, "/api/v1/instructor/health"),
        (.get, "/api/v1/instructor/labs/cross-service/class"), (.get, "/api/v1/instructor/labs/cross-service/class.csv"),
        (.get, "/api/v1/instructor/labs/cross-service/learners/1"), (.get, "/api/v1/instructor/labs/cross-service/events"),
        (.post, "/api/v1/instructor/labs/cross-service/broadcasts"), (.post, "/api/v1/instructor/broadcasts/1/withdraw"),
        (.post, "/api/v1/instructor/labs/cross-service/hold"), (.post, "/api/v1/instructor/labs/cross-service/release"),
        (.post, "/api/v1/instructor/hands/1/clear"), (.post, "/api/v1/instructor/labs/cross-service/cleanup"),
        (.get, "/api/v1/instructor/labs/cross-service/cleanup"),
    ]

    static func makeApp(oneTime: Bool = false) async throws -> (some ApplicationProtocol, AppDatabase) {
        let (app, database) = try await TestApp.make()
        try await database.replaceInstructorKey(
            InstructorCredential(keyHash: InstructorKey(key).hash, isOneTime: oneTime, createdAt: Date()))
        return (app, database)
    }

    static func signIn(_ client: some TestClientProtocol, key: String = key) async throws -> TestResponse {
        try await client.execute(
            uri: "/api/v1/instructor/session", method: .post, headers: json,
            body: ByteBuffer(string: #"{"key": \#(jsonString(key))}"#))
    }

    @Test func everyRouteAnswers403WithoutAnInstructorSession() async throws {
        let (app, _) = try await Self.makeApp()
        try await app.test(.router) { client in
            let learner = try await client.join("Mallory")
            let forged = "lg_instructor=\(String(repeating: "A", count: 43))"
            for cookie in [nil, learner, forged, learner.replacingOccurrences(of: "lg_session", with: "lg_instructor")] {
                for (method, path) in Self.routes {
                    var headers = Self.json
                    if let cookie { headers[.cookie] = cookie }
                    let response = try await client.execute(
                        uri: path, method: method, headers: headers, body: ByteBuffer(string: "{}"))
                    #expect(response.status == .forbidden, "\(method) \(path) with \(cookie ?? "no cookie")")
                    #expect(!response.text.contains("Mallory"))
                }
            }
            #expect(try await Self.signIn(client, key: "wrong").status == .forbidden)
        }
    }

    @Test func theKeySignsInAndOpensEveryRoute() async throws {
        let (app, _) = try await Self.makeApp()
        try await app.test(.router) { client in
            _ = try await client.join("Ana")
            let signedIn = try await Self.signIn(client)
            #expect(signedIn.status == .created)
            let cookie = try #require(signedIn.cookie(named: "lg_instructor"))
            #expect(signedIn.headers[values: .setCookie].first?.contains("SameSite=Strict") == true)
            let board = try await client.execute(
                uri: "/api/v1/instructor/labs/cross-service/class", method: .get, headers: [.cookie: cookie])
            #expect(board.status == .ok)
            #expect(board.text.contains(#""name":"Ana""#))
            let page = try await client.execute(
                uri: "/instructor", method: .get, headers: [.cookie: cookie, .accept: "text/html"])
            #expect(page.status == .ok)
            #expect(page.text.contains("data-matrix"))
            let csv = try await client.execute(uri: "/instructor/class.csv", method: .get, headers: [.cookie: cookie])
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.text.hasPrefix("\"learner_id\",\"name\""))
            #expect(csv.text.contains("\"Ana\""))
        }
    }

    @Test func aUsedLinkAndAWrongKeyEachGetOneClearMessageThenWrongKeysSlowDown() async throws {
        let (app, _) = try await Self.makeApp(oneTime: true)
        try await app.test(.router) { client in
            #expect(try await Self.signIn(client).status == .created)
            let again = try await Self.signIn(client)
            #expect(again.status == .forbidden)
            #expect(again.errorMessage == InstructorAccess.usedLinkMessage)
            let wrong = try await Self.signIn(client, key: "nope")
            #expect(wrong.errorMessage == InstructorAccess.wrongKeyMessage)
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<5 { statuses.append(try await Self.signIn(client, key: "nope").status) }
            #expect(statuses.contains(.tooManyRequests))
        }
    }

    @Test func badInputGets400And404() async throws {
        let (app, _) = try await Self.makeApp()
        try await app.test(.router) { client in
            let cookie = try #require(try await Self.signIn(client).cookie(named: "lg_instructor"))
            var headers = Self.json
            headers[.cookie] = cookie
            let long = String(repeating: "x", count: BroadcastText.maximumLength + 1)
            let tooLong = try await client.execute(
                uri: "/api/v1/instructor/labs/cross-service/broadcasts", method: .post, headers: headers,
                body: ByteBuffer(string: #"{"message": "\#(long)"}"#))
            #expect(tooLong.status == .badRequest)
            #expect(tooLong.errorMessage?.contains("at most \(BroadcastText.maximumLength) characters") == true)
            for path in [
                "/api/v1/instructor/labs/cross-service/learners/999", "/instructor/learners/999",
                "/api/v1/instructor/labs/cross-service/class?exercise=nope", "/api/v1/instructor/labs/nope/class",
            ] {
                let response = try await client.execute(uri: path, method: .get, headers: [.cookie: cookie])
                #expect(response.status == .notFound, "\(path)")
            }
            let hold = try await client.execute(
                uri: "/api/v1/instructor/labs/cross-service/hold", method: .post, headers: headers,
                body: ByteBuffer(string: #"{"exerciseId": "nope"}"#))
            #expect(hold.status == .notFound)
        }
    }

    @Test func aHoldHidesLaterStepsFromLearnersAndAReleaseShowsThem() async throws {
        let (app, database) = try await Self.makeApp()
        try await app.test(.router) { client in
            let learner = try await client.join("Ana")
            let later = "/labs/cross-service/steps/create-topics"
            try await database.holdClass(ClassHold(labID: "cross-service", exerciseID: "deploy-mesh", heldAt: Date()))
            let held = try await client.execute(uri: later, method: .get, headers: [.cookie: learner])
            #expect(held.text.contains("Your instructor will open this shortly"))
            #expect(!held.text.contains("class=\"prose\""))
            try await database.releaseClass(labID: "cross-service")
            let open = try await client.execute(uri: later, method: .get, headers: [.cookie: learner])
            #expect(!open.text.contains("Your instructor will open this shortly"))
            #expect(open.text.contains("class=\"prose\""))
        }
    }
}
