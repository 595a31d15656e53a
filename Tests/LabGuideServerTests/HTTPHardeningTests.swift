import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing

@testable import LabGuideServer

/// Issue 12, findings 5 to 9 and 13: headers, methods, paths, ranges and framing as an attacker sends them.
@Suite("HTTP hardening")
struct HTTPHardeningTests {
    static let stepURI = "/labs/cross-service/steps/create-topics"

    static func expectSecurityHeaders(_ headers: HTTPFields, _ what: String) {
        let policy = headers[.contentSecurityPolicy] ?? ""
        #expect(policy.contains("script-src 'self'"), "\(what): \(policy)")
        #expect(policy.contains("frame-ancestors 'none'"), "\(what): \(policy)")
        #expect(!policy.contains("unsafe-inline") || what.contains("asset"), "\(what): \(policy)")
        #expect(headers[.xContentTypeOptions] == "nosniff", "\(what)")
        #expect(headers[HTTPField.Name("X-Frame-Options")!] == "DENY", "\(what)")
        #expect(headers[HTTPField.Name("Referrer-Policy")!] == "same-origin", "\(what)")
    }

    @Test func everyKindOfResponseCarriesTheSecurityHeaders() async throws {
        let (app, _) = try await TestApp.make()
        try await app.test(.router) { client in
            let session = try await client.join("Headers")
            let requests: [(String, HTTPFields)] = [
                ("/", [:]), ("/simulator", [:]), ("/healthz", [:]), ("/api/v1/labs", [:]),
                ("/api/v1/openapi.json", [:]), ("/css/app.css", [:]), ("/js/app.js", [:]), ("/nowhere", [:]),
                ("/api/v1/labs/nowhere", [:]), (Self.stepURI, [.cookie: session]),
            ]
            for (uri, headers) in requests {
                try await client.execute(uri: uri, method: .get, headers: headers) { response in
                    Self.expectSecurityHeaders(response.headers, uri)
                }
            }
        }
    }

    @Test func stepPagesAnsweredFromMemoryCarryTheSameSecurityHeaders() async throws {
        let (app, _) = try await TestApp.make()
        try await app.test(.live) { client in
            let session = try await client.join("Memory")
            let csrf = try await client.execute(uri: Self.stepURI, method: .get, headers: [.cookie: session]) {
                try #require($0.cookie(named: "lg_csrf"))
            }
            for _ in 0..<2 {
                try await client.execute(uri: Self.stepURI, method: .get, headers: [.cookie: "\(session); \(csrf)"]) {
                    #expect($0.status == .ok)
                    Self.expectSecurityHeaders($0.headers, "step page")
                }
            }
        }
    }

    @Test func headAnswersAsGetWithoutTheBodyAndTraceIsNotAllowed() async throws {
        let (app, _) = try await TestApp.make()
        try await app.test(.live) { client in
            let length = try await client.execute(uri: "/simulator", method: .get) {
                try #require($0.headers[.contentLength])
            }
            try await client.execute(uri: "/simulator", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentLength] == length)
                #expect(response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/", method: .head) { #expect($0.status == .ok) }
            try await client.execute(uri: "/healthz", method: .trace) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] != nil)
            }
        }
    }

    @Test func aNULByteInAPathIsRefused() async throws {
        let (app, _) = try await TestApp.make()
        try await app.test(.router) { client in
            try await client.execute(uri: "/js/app.js%00.html", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") != true || response.text.contains("NUL"))
            }
        }
    }

    @Test(arguments: ["bytes=9223372036854775807-", "bytes=-0", "bytes=0-0", "bytes=5-", "bytes=99999999-"])
    func rangeRequestsOnStaticFilesGetTheWholeFile(range: String) async throws {
        let file = try Data(contentsOf: TestApp.repositoryRoot.appendingPathComponent("Public/css/app.css"))
        let (app, _) = try await TestApp.make()
        try await app.test(.live) { client in
            try await client.execute(uri: "/css/app.css", method: .get, headers: [.range: range]) { response in
                #expect(response.status == .ok, "\(range)")
                #expect(response.headers[.contentLength] == String(file.count), "\(range)")
                #expect(response.body.readableBytes == file.count, "\(range)")
                #expect(response.headers[.acceptRanges] == nil)
            }
        }
    }

    @Test(arguments: ["/%09/evil.example", "/%0a/evil.example", "/%5C/evil.example", "%2F%2Fevil.example", "/%20/x"])
    func theJoinFormNeverRedirectsOffSite(next: String) async throws {
        let (app, _) = try await TestApp.make()
        try await app.test(.router) { client in
            let csrf = try await client.execute(uri: "/", method: .get, headers: [.accept: "text/html"]) {
                try #require($0.cookie(named: "lg_csrf"))
            }
            let token = csrf.dropFirst("lg_csrf=".count)
            try await client.execute(
                uri: "/join", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .accept: "text/html", .cookie: csrf],
                body: ByteBuffer(string: "name=Eve&next=\(next)&_csrf=\(token)")
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/", "next=\(next)")
            }
        }
        #expect(LocalRedirect.sanitize("/labs/cross-service?x=1#complete") == "/labs/cross-service?x=1#complete")
    }

    @Test func aMalformedChunkedBodyGetsA400AndNoErrorLog() async throws {
        let records = LogRecords()
        var logger = Logger(label: "test") { _ in CapturingLogHandler(records: records) }
        logger.logLevel = .trace
        let (app, _) = try await TestApp.make(logger: logger)
        try await app.test(.live) { client in
            let connection = try RawConnection(port: try #require(client.port))
            connection.send(
                "POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"nam\r\nZZZ\r\n\r\n")
            let answer = try await connection.read(until: "\r\n\r\n", timeout: .seconds(5))
            #expect(answer.hasPrefix("HTTP/1.1 400"), "got: \(answer.prefix(80))")
            // Bytes that never were a request: Hummingbird answers 400 itself, with the security headers all the same.
            let garbage = try RawConnection(port: try #require(client.port))
            garbage.send("NOT HTTP AT ALL\r\n\r\n")
            let refusal = try await garbage.read(until: "\r\n\r\n", timeout: .seconds(5))
            #expect(refusal.hasPrefix("HTTP/1.1 400"), "got: \(refusal.prefix(80))")
            #expect(refusal.lowercased().contains("x-content-type-options: nosniff"), "got: \(refusal)")
        }
        let loud = records.all.filter { $0.level > .debug && $0.message.lowercased().contains("fail") }
        #expect(loud.isEmpty, "\(loud)")
    }
}

/// Log lines kept in memory, so a test can check their levels.
final class LogRecords: Sendable {
    struct Record: Sendable, CustomStringConvertible {
        let level: Logger.Level
        let message: String
        var description: String { "\(level) \(message)" }
    }

    private let records = Mutex<[Record]>([])
    var all: [Record] { records.withLock { $0 } }
    func append(_ record: Record) { records.withLock { $0.append(record) } }
}

struct CapturingLogHandler: LogHandler {
    let records: LogRecords
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        records.append(.init(level: event.level, message: "\(event.message)"))
    }
}
