import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LabContent
import LabStore
import Logging
import NIOCore
import NIOEmbedded
import NIOHTTPTypes
import Testing

@testable import LabGuideServer

/// The event-loop answer for step pages: it must give the route's bytes, only from memory, in request order.
@Suite struct InMemoryStepPageTests {
    static let stepURI = "/labs/cross-service/steps/create-topics"

    /// A router and the controller behind it, with one learner who has opened `stepURI` once through the route.
    struct Fixture {
        let router: Router<AppRequestContext>
        let pages: LabPagesController
        let database: AppDatabase
        /// Session and form-token cookies, as a browser sends them after its first page.
        let cookies: String

        static func make() async throws -> Fixture {
            let database = try AppDatabase.makeInMemory()
            let dependencies = AppDependencies(
                database: database,
                labs: try LabLibrary.load(from: TestApp.repositoryRoot.appendingPathComponent("labs")),
                renderer: try await PageRenderer.load(from: TestApp.repositoryRoot.appendingPathComponent("Templates")))
            let (router, pages) = try makeRouter(
                configuration: AppConfiguration(region: "eu-west-1", resourcesDirectory: TestApp.repositoryRoot),
                dependencies: dependencies)
            let cookies = try await Application(router: router).test(.router) { client in
                let session = try await client.join("Ana <b>")
                let csrf = try await client.execute(uri: stepURI, method: .get, headers: [.cookie: session]) { response in
                    try #require(response.cookie(named: "lg_csrf"))
                }
                return "\(session); \(csrf)"
            }
            return Fixture(router: router, pages: pages, database: database, cookies: cookies)
        }

        /// The page as the Hummingbird route renders it for the same request.
        func routePage(cookies: String? = nil) async throws -> (status: HTTPResponse.Status, body: String) {
            let cookies = cookies ?? self.cookies
            return try await Application(router: router).test(.router) { client in
                try await client.execute(uri: stepURI, method: .get, headers: [.cookie: cookies]) {
                    ($0.status, $0.text)
                }
            }
        }

        func channel() throws -> EmbeddedChannel {
            try EmbeddedChannel(handler: InMemoryStepPageHandler(pages: pages, serverName: "LabGuide"))
        }
    }

    static func get(_ path: String, cookies: String, extra: HTTPFields = [:]) -> HTTPRequestPart {
        var fields: HTTPFields = [.cookie: cookies]
        fields.append(contentsOf: extra)
        return .head(HTTPRequest(method: .get, scheme: "http", authority: "127.0.0.1", path: path, headerFields: fields))
    }

    /// The response the handler wrote itself, or nil when it wrote nothing.
    static func answered(_ channel: EmbeddedChannel) throws -> (head: HTTPResponse, body: String)? {
        guard case .head(let head) = try channel.readOutbound(as: HTTPResponsePart.self) else { return nil }
        guard case .body(let body) = try channel.readOutbound(as: HTTPResponsePart.self),
            case .end = try channel.readOutbound(as: HTTPResponsePart.self)
        else {
            Issue.record("a head without its body and end")
            return nil
        }
        return (head, String(buffer: body))
    }

    /// Whether the request went on to Hummingbird (what the next handler would read).
    static func handedOn(_ channel: EmbeddedChannel) throws -> Bool {
        guard case .head = try channel.readInbound(as: HTTPRequestPart.self) else { return false }
        _ = try channel.readInbound(as: HTTPRequestPart.self)  // its end
        return true
    }

    /// Writes a response the way the application behind the handler does, and drops it from the outbound queue.
    static func answerAsHummingbird(_ channel: EmbeddedChannel) throws {
        try channel.writeOutbound(HTTPResponsePart.head(HTTPResponse(status: .ok)))
        try channel.writeOutbound(HTTPResponsePart.end(nil))
        while try channel.readOutbound(as: HTTPResponsePart.self) != nil {}
    }

    @Test func answersWithTheRoutesBytesAndHeaders() async throws {
        let fixture = try await Fixture.make()
        let channel = try fixture.channel()
        try channel.writeInbound(Self.get(Self.stepURI, cookies: fixture.cookies))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        let response = try #require(try Self.answered(channel))
        #expect(try !Self.handedOn(channel))
        let route = try await fixture.routePage()
        #expect(route.status == .ok)
        #expect(response.body == route.body)
        #expect(response.body.contains("Ana &lt;b&gt;"))
        #expect(response.head.status == .ok)
        #expect(response.head.headerFields[.contentType] == "text/html; charset=utf-8")
        #expect(response.head.headerFields[.cacheControl] == "no-store")
        #expect(response.head.headerFields[.contentLength] == String(response.body.utf8.count))
        #expect(response.head.headerFields[.server] == "LabGuide")
        #expect(response.head.headerFields[.date]?.hasSuffix(" GMT") == true)
        #expect(response.head.headerFields[.setCookie] == nil)
    }

    @Test func answersBrowsersThatAskToKeepTheConnection() async throws {
        let fixture = try await Fixture.make()
        let channel = try fixture.channel()
        try channel.writeInbound(Self.get(Self.stepURI, cookies: fixture.cookies, extra: [.connection: "Keep-Alive"]))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        #expect(try Self.answered(channel) != nil)
        #expect(try !Self.handedOn(channel))
    }

    @Test func handsOnWhatMemoryCannotAnswer() async throws {
        let fixture = try await Fixture.make()
        let session = String(fixture.cookies.split(separator: ";")[0])
        let cases: [(String, HTTPRequestPart)] = [
            ("no form-token cookie: the route sets one", Self.get(Self.stepURI, cookies: session)),
            ("no session", Self.get(Self.stepURI, cookies: "lg_csrf=\(String(repeating: "a", count: 43))")),
            (
                "an unknown session",
                Self.get(
                    Self.stepURI,
                    cookies: "lg_session=\(String(repeating: "b", count: 43)); lg_csrf=\(String(repeating: "a", count: 43))")
            ),
            ("a view not yet recorded", Self.get("/labs/cross-service/steps/create-queues", cookies: fixture.cookies)),
            ("a query", Self.get(Self.stepURI + "?x=1", cookies: fixture.cookies)),
            ("a trailing slash", Self.get(Self.stepURI + "/", cookies: fixture.cookies)),
            ("an unknown step", Self.get("/labs/cross-service/steps/nope", cookies: fixture.cookies)),
            ("another page", Self.get("/labs/cross-service", cookies: fixture.cookies)),
            ("a body", Self.get(Self.stepURI, cookies: fixture.cookies, extra: [.contentLength: "3"])),
            ("closing the connection", Self.get(Self.stepURI, cookies: fixture.cookies, extra: [.connection: "close"])),
            (
                "a POST",
                .head(
                    HTTPRequest(
                        method: .post, scheme: "http", authority: "h", path: Self.stepURI,
                        headerFields: [.cookie: fixture.cookies]))
            ),
        ]
        for (reason, request) in cases {
            let channel = try fixture.channel()
            try channel.writeInbound(request)
            try channel.writeInbound(HTTPRequestPart.end(nil))
            #expect(try Self.handedOn(channel), "\(reason)")
            #expect(try Self.answered(channel) == nil, "\(reason)")
        }
    }

    @Test func keepsResponsesInRequestOrder() async throws {
        let fixture = try await Fixture.make()
        let channel = try fixture.channel()
        // A request Hummingbird must answer, then a page memory could answer: the page must wait its turn.
        try channel.writeInbound(Self.get("/labs/cross-service", cookies: fixture.cookies))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        try channel.writeInbound(Self.get(Self.stepURI, cookies: fixture.cookies))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        #expect(try Self.handedOn(channel))
        #expect(try Self.handedOn(channel))
        #expect(try Self.answered(channel) == nil)
        // Hummingbird answers both; after that memory answers again.
        try Self.answerAsHummingbird(channel)
        #expect(try Self.answered(channel) == nil)
        try Self.answerAsHummingbird(channel)
        try channel.writeInbound(Self.get(Self.stepURI, cookies: fixture.cookies))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        #expect(try Self.answered(channel) != nil)
        #expect(try !Self.handedOn(channel))
    }

    @Test func aCompletionIsNeverAnsweredFromStaleMemory() async throws {
        let fixture = try await Fixture.make()
        let learner = try #require(
            try await fixture.database.learner(
                sessionTokenHash: SessionToken.hash(
                    String(fixture.cookies.split(separator: ";")[0].dropFirst("lg_session=".count))),
                now: Date()))
        try await fixture.database.recordStepCompleted(
            learnerID: learner.id ?? 0, labID: "cross-service", stepID: "create-topics", at: Date())
        // The write dropped the cached progress: the route reads SQLite, and only then is memory current again.
        let channel = try fixture.channel()
        try channel.writeInbound(Self.get(Self.stepURI, cookies: fixture.cookies))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        #expect(try Self.handedOn(channel))
        let route = try await fixture.routePage()
        #expect(route.body.contains(#"<li class="is-complete" data-step-id="create-topics""#))
        try Self.answerAsHummingbird(channel)
        try channel.writeInbound(Self.get(Self.stepURI, cookies: fixture.cookies))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        #expect(try Self.answered(channel)?.body == route.body)
    }

    @Test func acceptsOnlyPlainStepPaths() {
        #expect(
            InMemoryStepPageHandler.stepPageIDs(in: "/labs/cross-service/steps/create-topics")! == (
                "cross-service", "create-topics"
            ))
        for path in [
            "/labs/cross-service/steps/", "/labs//steps/x", "/labs/a/steps/b/c", "/labs/a/step/b", "labs/a/steps/b",
            "/labs/A/steps/b", "/labs/a/steps/b%2F", "/labs/a/steps/b?c", "/labs/a/steps/b#c", "/Labs/a/steps/b", "/",
        ] {
            #expect(InMemoryStepPageHandler.stepPageIDs(in: path) == nil, "\(path)")
        }
    }

    @Test func formatsTheDateHeaderAsIMFFixdate() {
        #expect(HTTPDateHeader.format(secondsSince1970: 0) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(HTTPDateHeader.format(secondsSince1970: 951_782_400) == "Tue, 29 Feb 2000 00:00:00 GMT")
        #expect(HTTPDateHeader.format(secondsSince1970: 1_795_651_874) == "Thu, 26 Nov 2026 00:11:14 GMT")
        var header = HTTPDateHeader()
        let first = header.value(at: Date(timeIntervalSince1970: 10.2))
        #expect(header.value(at: Date(timeIntervalSince1970: 10.9)) == first)
        #expect(header.value(at: Date(timeIntervalSince1970: 11)) == "Thu, 01 Jan 1970 00:00:11 GMT")
    }

    @Test func theServedPageMatchesOverARealSocket() async throws {
        let (app, _) = try await TestApp.make()
        try await app.test(.live) { client in
            let session = try await client.join("Live")
            let csrf = try await client.execute(uri: Self.stepURI, method: .get, headers: [.cookie: session]) {
                try #require($0.cookie(named: "lg_csrf"))
            }
            // The first page with both cookies records the view through the route; the second comes from memory.
            var pages: [(HTTPFields, String)] = []
            for _ in 0..<2 {
                try await client.execute(uri: Self.stepURI, method: .get, headers: [.cookie: "\(session); \(csrf)"]) {
                    #expect($0.status == .ok)
                    var headers = $0.headers
                    headers[.date] = nil
                    pages.append((headers, $0.text))
                }
            }
            #expect(pages[0].0 == pages[1].0)
            #expect(pages[0].1 == pages[1].1)
        }
    }
}
