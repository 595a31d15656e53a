import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("HTML pages")
struct PageTests {
    let html: HTTPFields = [.accept: "text/html"]

    @Test func homeShowsTheJoinFormWithACSRFToken() async throws {
        let (app, _) = try await TestApp.make()
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get, headers: html) { (response) async throws in
                #expect(response.status == .ok)
                #expect(response.text.contains(#"action="/join""#))
                let csrf = try #require(response.cookie(named: "lg_csrf"))
                #expect(response.text.contains(#"name="_csrf" value="\#(csrf.dropFirst("lg_csrf=".count))""#))
            }
        }
    }

    @Test func joinFormSetsTheSessionAndFollowsNext() async throws {
        let (app, _) = try await TestApp.make()
        try await app.test(.router) { client in
            let csrf = try await csrfCookie(client)
            let form = "name=Form+User&next=%2Flabs%2Fcross-service"
            try await postForm(client, "/join", form, cookies: csrf, csrfCookie: csrf) { (response) async throws in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/labs/cross-service")
                #expect(response.cookie(named: "lg_session") != nil)
            }
        }
    }

    @Test func joinFormRefusesOffSiteRedirectsAndMissingToken() async throws {
        let (app, _) = try await TestApp.make()
        try await app.test(.router) { client in
            let csrf = try await csrfCookie(client)
            let form = "name=Eve&next=%2F%2Fevil.example"
            try await postForm(client, "/join", form, cookies: csrf, csrfCookie: csrf) { (response) async throws in
                #expect(response.headers[.location] == "/")
            }
            try await postForm(client, "/join", "name=Eve", cookies: nil, csrfCookie: nil) { (response) async throws in
                #expect(response.status == .forbidden)
                #expect(response.text.contains("Reload the page"))
            }
        }
    }

    @Test func badNameOnTheFormKeepsWhatWasTyped() async throws {
        let (app, _) = try await TestApp.make()
        try await app.test(.router) { client in
            let csrf = try await csrfCookie(client)
            let long = String(repeating: "x", count: 90)
            try await postForm(client, "/join", "name=\(long)", cookies: csrf, csrfCookie: csrf) { (response) async throws in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("at most 80 characters"))
                #expect(response.text.contains(#"value="\#(long)""#))
            }
        }
    }

    @Test func namesWithHTMLAreEscapedOnEveryPage() async throws {
        let (app, _) = try await TestApp.make()
        try await app.test(.router) { client in
            let cookie = try await client.join("<script>alert(1)</script>")
            for uri in ["/", "/labs/cross-service", "/labs/cross-service/steps/welcome", "/simulator"] {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie, .accept: "text/html"]) {
                    (response) async throws in
                    #expect(response.status == .ok)
                    #expect(!response.text.contains("<script>alert(1)"))
                    #expect(response.text.contains("&lt;script&gt;alert(1)"))
                }
            }
        }
    }

    @Test func overviewShowsProgressAndContinue() async throws {
        let (app, _) = try await TestApp.make()
        try await app.test(.router) { client in
            let cookie = try await client.join("Overview")
            try await client.execute(
                uri: "/labs/cross-service", method: .get, headers: [.cookie: cookie, .accept: "text/html"]
            ) { (response) async throws in
                #expect(response.status == .ok)
                #expect(response.text.contains("Start the lab"))
                #expect(response.text.contains("App Mesh"))
                #expect(response.text.contains(#"aria-valuenow="0""#))
            }
        }
    }

    @Test func stepPageFormCompletionWorksWithoutJavaScript() async throws {
        let (app, _) = try await TestApp.make()
        try await app.test(.router) { client in
            let session = try await client.join("No JS")
            let csrf = try await csrfCookie(client)
            let cookies = "\(session); \(csrf)"
            let stepURI = try await client.execute(
                uri: "/labs/cross-service", method: .get, headers: [.cookie: cookies, .accept: "text/html"]
            ) { (response) async throws in
                try #require(response.text.firstMatch(of: /href="(\/labs\/cross-service\/steps\/[a-z0-9-]+)"/)?.1).description
            }
            try await postForm(client, "\(stepURI)/complete", "", cookies: cookies, csrfCookie: csrf) {
                (response) async throws in
                #expect(response.status == .seeOther)
            }
            try await client.execute(uri: stepURI, method: .get, headers: [.cookie: cookies, .accept: "text/html"]) {
                (response) async throws in
                let stepID = String(stepURI.split(separator: "/").last ?? "")
                #expect(response.text.contains(#"class="completion card is-complete""#))
                #expect(response.text.contains(#"<li class="is-complete" data-step-id="\#(stepID)""#))
                #expect(response.text.ranges(of: #"<li class="is-complete""#).count == 1)
                #expect(response.text.contains("1 of "))
            }
        }
    }

    @Test func stepPagesCarryEachLearnersOwnValues() async throws {
        let (app, _) = try await TestApp.make()
        try await app.test(.router) { client in
            let ana = try await client.join("Ana")
            let bo = try await client.join("Bo")
            let uri = "/labs/cross-service/steps/create-topics"
            try await client.execute(
                uri: "/api/v1/labs/cross-service/steps/create-topics/complete", method: .post,
                headers: [.cookie: ana, .contentType: "application/json"], body: ByteBuffer(string: "{}")
            ) { (response) async throws in #expect(response.status == .ok) }
            let anaPage = try await client.execute(uri: uri, method: .get, headers: [.cookie: ana]) { $0.text }
            let boPage = try await client.execute(uri: uri, method: .get, headers: [.cookie: bo]) { $0.text }
            let anaPrefix = try #require(anaPage.firstMatch(of: /class="learner-prefix">(lg-ana-[a-z0-9]+-)</)?.1)
            let boPrefix = try #require(boPage.firstMatch(of: /class="learner-prefix">(lg-bo-[a-z0-9]+-)</)?.1)
            // Commands carry the reader's own prefix and region, never the other learner's.
            #expect(anaPage.contains("\(anaPrefix)order-events") && !anaPage.contains(String(boPrefix)))
            #expect(boPage.contains("\(boPrefix)order-events") && !boPage.contains(String(anaPrefix)))
            #expect(anaPage.contains("eu-west-1"))
            #expect(anaPage.contains(#"class="completion card is-complete""#))
            #expect(boPage.contains(#"class="completion card ""#))
            #expect(!boPage.contains(#"<li class="is-complete""#))
            // No slot marker survives into a page.
            #expect(!anaPage.unicodeScalars.contains { (0xE000...0xE001).contains($0.value) })
        }
    }

    @Test func unknownPagesGetAStyled404() async throws {
        let (app, _) = try await TestApp.make()
        try await app.test(.router) { client in
            let cookie = try await client.join("Lost")
            for uri in ["/labs/nope", "/labs/cross-service/steps/nope", "/nowhere"] {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie, .accept: "text/html"]) {
                    (response) async throws in
                    #expect(response.status == .notFound)
                    #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                    #expect(response.text.contains("Page not found"))
                    #expect(response.text.contains(#"href="/css/app.css""#))
                }
            }
        }
    }

    @Test func labAssetsAreServedAndUnknownOnes404() async throws {
        let (app, _) = try await TestApp.make()
        try await app.test(.router) { client in
            try await client.execute(uri: "/labs/cross-service/assets/architecture.svg", method: .get) {
                (response) async throws in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.contains("svg") == true)
            }
            for uri in ["/labs/cross-service/assets/..%2Flab.yaml", "/labs/cross-service/assets/missing.png"] {
                try await client.execute(uri: uri, method: .get) { (response) async throws in
                    // Refused either way: the router rejects an encoded slash (400), an unknown file is a 404.
                    #expect([.badRequest, .notFound].contains(response.status))
                    #expect(!response.text.contains("exercises:"))
                }
            }
        }
    }

    @Test func publicFilesAreServedWithTheirTypes() async throws {
        let (app, _) = try await TestApp.make()
        try await app.test(.router) { client in
            for (uri, type) in [("/css/app.css", "text/css"), ("/js/app.js", "javascript"), ("/img/favicon.svg", "svg")] {
                try await client.execute(uri: uri, method: .get) { (response) async throws in
                    #expect(response.status == .ok, "\(uri)")
                    #expect(response.headers[.contentType]?.contains(type) == true, "\(uri)")
                }
            }
            try await client.execute(uri: "/css/missing.css", method: .get, headers: html) { (response) async throws in
                #expect(response.status == .notFound)
            }
        }
    }

    /// Posts an HTML form the way a browser does, adding the `_csrf` field taken from the `lg_csrf=…` cookie pair.
    private func postForm(
        _ client: some TestClientProtocol, _ uri: String, _ fields: String, cookies: String?, csrfCookie: String?,
        check: @escaping (TestResponse) async throws -> Void
    ) async throws {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .accept: "text/html"]
        if let cookies { headers[.cookie] = cookies }
        let token = csrfCookie.map { "_csrf=\($0.dropFirst("lg_csrf=".count))" }
        let body = [fields, token].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "&")
        try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body), testCallback: check)
    }

    private func csrfCookie(_ client: some TestClientProtocol) async throws -> String {
        try await client.execute(uri: "/", method: .get, headers: html) { (response) async throws in
            try #require(response.cookie(named: "lg_csrf"))
        }
    }
}
