import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Session API")
struct SessionAPITests {
    @Test func healthzIsOK() async throws {
        let (app, _) = try await TestApp.make()
        try await app.test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { (response) async throws in
                #expect(response.status == .ok)
                #expect(try response.json() as? [String: String] == ["status": "ok"])
            }
        }
    }

    @Test func joinCreatesLearnerWithPrefixAndSafeCookie() async throws {
        let (app, _) = try await TestApp.make()
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"name":"Ana María"}"#)
            ) { (response) async throws in
                #expect(response.status == .created)
                let learner = try #require(try response.json()["learner"] as? [String: Any])
                let prefix = try #require(learner["prefix"] as? String)
                #expect(prefix.count <= 20)
                #expect(prefix.wholeMatch(of: /lg-anamaria-[a-z0-9]{4}-/) != nil)
                let header = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("lg_session=") })
                #expect(header.contains("HttpOnly"))
                #expect(header.contains("SameSite=Lax"))
            }
        }
    }

    @Test func cookieResumesTheSessionAndSignOutEndsIt() async throws {
        let (app, _) = try await TestApp.make()
        try await app.test(.router) { client in
            let cookie = try await client.join("Resumer")
            try await client.execute(uri: "/api/v1/session", method: .get, headers: [.cookie: cookie]) {
                (response) async throws in
                #expect(response.status == .ok)
                #expect(response.text.contains("Resumer"))
            }
            try await client.execute(uri: "/api/v1/session", method: .delete, headers: [.cookie: cookie]) {
                (response) async throws in
                #expect(response.status == .noContent)
            }
            try await client.execute(uri: "/api/v1/session", method: .get, headers: [.cookie: cookie]) {
                (response) async throws in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test(arguments: [
        ("", "Enter a display name"),
        ("   ", "Enter a display name"),
        (String(repeating: "a", count: 81), "at most 80 characters"),
        ("tab\there", "control characters"),
        ("line\nbreak", "control characters"),
    ])
    func badNamesGetA400WithAMessage(name: String, message: String) async throws {
        let (app, _) = try await TestApp.make()
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"name": \#(jsonString(name))}"#)
            ) { (response) async throws in
                #expect(response.status == .badRequest)
                #expect(response.errorMessage?.contains(message) == true)
            }
        }
    }

    @Test func eightyCharactersIsAllowed() async throws {
        let (app, _) = try await TestApp.make()
        try await app.test(.router) { client in
            _ = try await client.join(String(repeating: "é", count: 80))
        }
    }

    @Test func malformedJSONAndWrongContentTypeAreRejected() async throws {
        let (app, _) = try await TestApp.make()
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: "{nope")
            ) { (response) async throws in
                #expect(response.status == .badRequest)
                #expect(response.errorMessage != nil)
            }
            try await client.execute(
                uri: "/api/v1/session", method: .post, headers: [.contentType: "text/plain"],
                body: ByteBuffer(string: #"{"name":"x"}"#)
            ) { (response) async throws in
                #expect(response.status == .unsupportedMediaType)
            }
        }
    }

    @Test func bodiesOver64KiBGet413() async throws {
        let (app, _) = try await TestApp.make()
        try await app.test(.router) { client in
            let name = String(repeating: "a", count: 70 * 1024)
            try await client.execute(
                uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"name":"\#(name)"}"#)
            ) { (response) async throws in
                #expect(response.status == .contentTooLarge)
                #expect(response.errorMessage?.contains("64 KiB") == true)
            }
        }
    }

    @Test func tamperedAndExpiredCookiesMeanSignedOut() async throws {
        let (app, _) = try await TestApp.make(sessionLifetime: .zero)
        try await app.test(.router) { client in
            let expired = try await client.join("Expired")
            for cookie in [expired, "lg_session=" + String(repeating: "A", count: 43), "lg_session=garbage%00"] {
                try await client.execute(uri: "/api/v1/session", method: .get, headers: [.cookie: cookie]) {
                    (response) async throws in
                    #expect(response.status == .unauthorized)
                }
                try await client.execute(
                    uri: "/labs/cross-service", method: .get, headers: [.cookie: cookie, .accept: "text/html"]
                ) { (response) async throws in
                    #expect(response.status == .seeOther)
                    #expect(response.headers[.location] == "/?next=/labs/cross-service")
                }
            }
        }
    }
}
