import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Lab API")
struct LabAPITests {
    @Test func listsLabsAndDescribesOne() async throws {
        let (app, _) = try await TestApp.make()
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/labs", method: .get) { (response) async throws in
                #expect(response.status == .ok)
                let labs = try #require(try response.json()["labs"] as? [[String: Any]])
                #expect(labs.map { $0["id"] as? String } == ["cross-service"])
            }
            try await client.execute(uri: "/api/v1/labs/cross-service", method: .get) { (response) async throws in
                let exercises = try #require(try response.json()["exercises"] as? [[String: Any]])
                let steps = exercises.flatMap { $0["steps"] as? [[String: Any]] ?? [] }
                #expect(steps.count >= 15)
                let ids = steps.compactMap { $0["id"] as? String }
                #expect(Set(ids).count == ids.count)
                #expect(ids.allSatisfy { $0.wholeMatch(of: /[a-z0-9-]+/) != nil })
            }
        }
    }

    @Test func unknownLabAndStepAreJSON404s() async throws {
        let (app, _) = try await TestApp.make()
        try await app.test(.router) { client in
            let cookie = try await client.join("Finder")
            for uri in ["/api/v1/labs/nope", "/api/v1/labs/cross-service/steps/nope", "/api/v1/nothing-here"] {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie]) { (response) async throws in
                    #expect(response.status == .notFound)
                    #expect(response.errorMessage != nil)
                }
            }
        }
    }

    @Test func progressNeedsASession() async throws {
        let (app, _) = try await TestApp.make()
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/labs/cross-service/progress", method: .get) { (response) async throws in
                #expect(response.status == .unauthorized)
                #expect(response.errorMessage?.contains("POST /api/v1/session") == true)
            }
        }
    }

    @Test func completingTwiceIsTheSameAsOnce() async throws {
        let (app, _) = try await TestApp.make()
        try await app.test(.router) { client in
            let cookie = try await client.join("Completer")
            let stepID = try await firstStepID(client)
            var completedAt: [String] = []
            for _ in 0..<2 {
                try await client.execute(
                    uri: "/api/v1/labs/cross-service/steps/\(stepID)/complete", method: .post,
                    headers: [.cookie: cookie, .contentType: "application/json"]
                ) { (response) async throws in
                    #expect(response.status == .ok)
                    let body = try response.json()
                    let step = try #require(body["step"] as? [String: Any])
                    completedAt.append(try #require(step["completedAt"] as? String))
                    #expect((body["lab"] as? [String: Any])?["completedSteps"] as? Int == 1)
                }
            }
            #expect(completedAt[0] == completedAt[1])
            try await client.execute(
                uri: "/api/v1/labs/cross-service/progress", method: .get, headers: [.cookie: cookie]
            ) { (response) async throws in
                let body = try response.json()
                #expect(body["completedSteps"] as? Int == 1)
                #expect(body["nextStepId"] as? String != stepID)
            }
        }
    }

    @Test func completingNeedsJSONContentType() async throws {
        let (app, _) = try await TestApp.make()
        try await app.test(.router) { client in
            let cookie = try await client.join("Formless")
            let stepID = try await firstStepID(client)
            try await client.execute(
                uri: "/api/v1/labs/cross-service/steps/\(stepID)/complete", method: .post, headers: [.cookie: cookie]
            ) { (response) async throws in
                #expect(response.status == .unsupportedMediaType)
            }
        }
    }

    @Test func stepDetailIsRenderedWithTheLearnersPrefixAndRegion() async throws {
        let (app, _) = try await TestApp.make()
        try await app.test(.router) { client in
            let cookie = try await client.join("Renderer")
            let prefix = try await client.execute(uri: "/api/v1/session", method: .get, headers: [.cookie: cookie]) {
                ((try $0.json()["learner"] as? [String: Any])?["prefix"] as? String) ?? ""
            }
            var sawPrefix = false
            for stepID in try await allStepIDs(client) {
                try await client.execute(
                    uri: "/api/v1/labs/cross-service/steps/\(stepID)", method: .get, headers: [.cookie: cookie]
                ) { (response) async throws in
                    let html = try #require(try response.json()["html"] as? String)
                    #expect(!html.contains("{{"), "unrendered variable in \(stepID)")
                    #expect(!html.contains("us-east-1"), "region hard-coded in \(stepID)")
                    sawPrefix = sawPrefix || (html.contains(prefix) && html.contains("eu-west-1"))
                }
            }
            #expect(sawPrefix)
        }
    }

    @Test func openAPIDocumentIsServed() async throws {
        let (app, _) = try await TestApp.make()
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/openapi.json", method: .get) { (response) async throws in
                #expect(response.status == .ok)
                let body = try response.json()
                #expect(body["openapi"] as? String == "3.1.0")
                let paths = try #require(body["paths"] as? [String: Any])
                for path in [
                    "/api/v1/session", "/api/v1/labs", "/api/v1/labs/{lab}/progress",
                    "/api/v1/labs/{lab}/steps/{step}/complete", "/healthz",
                ] {
                    #expect(paths[path] != nil, "\(path) missing from the OpenAPI document")
                }
            }
        }
    }

    private func allStepIDs(_ client: some TestClientProtocol) async throws -> [String] {
        try await client.execute(uri: "/api/v1/labs/cross-service", method: .get) { (response) async throws in
            let exercises = try response.json()["exercises"] as? [[String: Any]] ?? []
            return exercises.flatMap { $0["steps"] as? [[String: Any]] ?? [] }.compactMap { $0["id"] as? String }
        }
    }

    private func firstStepID(_ client: some TestClientProtocol) async throws -> String {
        try #require(try await allStepIDs(client).first)
    }
}
