import BreakerSimulator
import Foundation
import Hummingbird
import HummingbirdTesting
import LabGuideServer
import Testing

@Suite("Simulation API")
struct SimulationAPITests {
    /// A bare router with only the simulation controller, mounted where the application mounts it.
    static func makeApplication() -> some ApplicationProtocol {
        let router = Router(context: AppRequestContext.self)
        SimulationController().addRoutes(to: router.group("api/v1/simulations"))
        return Application(router: router)
    }

    /// Posts `body` to the run endpoint and hands back the status and the decoded JSON.
    static func postRun(_ client: some TestClientProtocol, _ body: String) async throws -> (HTTPResponse.Status, [String: Any]) {
        try await client.execute(
            uri: "/api/v1/simulations", method: .post, headers: [.contentType: "application/json"],
            body: ByteBuffer(string: body)
        ) { response in
            let json = try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any]
            return (response.status, json ?? [:])
        }
    }

    static func errorMessage(_ json: [String: Any]) -> String? {
        (json["error"] as? [String: Any])?["message"] as? String
    }

    @Test("GET /presets lists every preset with its id, title, explanation and config")
    func listsPresets() async throws {
        try await Self.makeApplication().test(.router) { client in
            try await client.execute(uri: "/api/v1/simulations/presets", method: .get) { response in
                #expect(response.status == .ok)
                let presets = try #require(
                    try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [[String: Any]])
                #expect(presets.compactMap { $0["id"] as? String } == SimulationPreset.all.map(\.id))
                for preset in presets {
                    #expect((preset["title"] as? String)?.isEmpty == false)
                    #expect((preset["explanation"] as? String)?.isEmpty == false)
                    let breaker = try #require((preset["config"] as? [String: Any])?["breaker"] as? [String: Any])
                    #expect(breaker["permittedCallsInHalfOpen"] is Int)
                }
            }
        }
    }

    @Test("POST runs a simulation and answers the same document as the library, with calls when asked")
    func runsASimulation() async throws {
        try await Self.makeApplication().test(.router) { client in
            let body =
                #"{"preset":"inventory-outage","seed":9,"durationSeconds":60,"overrides":{"breaker.failureRateThreshold":60},"includeCalls":true}"#
            let (status, json) = try await Self.postRun(client, body)
            #expect(status == .ok)
            let summary = try #require(json["summary"] as? [String: Any])
            let offered = try #require(summary["offered"] as? Int)
            let outcomes = ["succeeded", "failed", "timedOut", "rejectedByBreaker", "rejectedByBulkhead"]
            #expect(outcomes.compactMap { summary[$0] as? Int }.reduce(0, +) == offered)
            #expect((json["series"] as? [Any])?.count ?? 0 >= 60)
            #expect((json["calls"] as? [Any])?.count == summary["calls"] as? Int)
            #expect(((json["config"] as? [String: Any])?["breaker"] as? [String: Any])?["failureRateThreshold"] as? Int == 60)

            let expected = try Simulator.run(
                SimulationRequest(
                    preset: "inventory-outage", seed: 9, durationSeconds: 60,
                    overrides: ["breaker.failureRateThreshold": .number(60)], includeCalls: true))
            try await client.execute(
                uri: "/api/v1/simulations", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: body)
            ) { response in
                let expectedJSON = String(decoding: try expected.makeJSONData(), as: UTF8.self)
                #expect(String(buffer: response.body) == expectedJSON)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            }
        }
    }

    @Test(
        "Bad input gets a 400 that names the field and its allowed range",
        arguments: [
            (#"{"preset":"volcano"}"#, "preset must be one of inventory-outage"),
            (#"{"seed":1}"#, "preset is required"),
            (
                #"{"preset":"flapping","durationSeconds":-5}"#,
                "durationSeconds must be a whole number between 1 and 3600 (got -5)"
            ),
            (
                #"{"preset":"flapping","durationSeconds":3601}"#,
                "durationSeconds must be a whole number between 1 and 3600 (got 3601)"
            ),
            (#"{"preset":"flapping","durationSeconds":"long"}"#, "durationSeconds must be a whole number between 1 and 3600"),
            (#"{"preset":"flapping","seed":-1}"#, "seed must be a whole number between 0 and 9007199254740991"),
            (
                #"{"preset":"flapping","overrides":{"breaker.failureRateThreshold":101}}"#,
                "breaker.failureRateThreshold must be between 1 and 100 (got 101)"
            ),
            (
                #"{"preset":"flapping","overrides":{"breaker.slowCallRateThreshold":0}}"#,
                "breaker.slowCallRateThreshold must be between 1 and 100 (got 0)"
            ),
            (
                #"{"preset":"flapping","overrides":{"breaker.permittedCallsInHalfOpen":0}}"#,
                "breaker.permittedCallsInHalfOpen must be between 1 and 1000 (got 0)"
            ),
            (#"{"preset":"flapping","overrides":{"breaker.wobble":1}}"#, "unknown config key breaker.wobble"),
            (#"{"preset":"flapping","overrides":{"load.requestsPerSecond":true}}"#, "load.requestsPerSecond must be a number"),
            (#"{"preset":"flapping","overrides":[1,2]}"#, "overrides must be an object of dotted config keys"),
            (
                #"{"preset":"flapping","overrides":{"breaker.enabled":false,"breaker":{"enabled":true}}}"#,
                "breaker.enabled is given twice"
            ),
            (#"{"preset":"flapping","includeCalls":"yes"}"#, "includeCalls must be true or false"),
            (
                #"{"preset":"flapping","durationSeconds":600,"includeCalls":true}"#,
                "includeCalls is allowed only for runs of at most 20000 calls"
            ),
            // Refused before running: the first tries alone pass the limit (the old message came after the run).
            (
                #"{"preset":"flapping","durationSeconds":600,"includeCalls":true}"#,
                "includeCalls is allowed only for runs of at most 20000 calls (this run makes at least 120000)"
            ),
            (#"{"preset":"flapping","colour":"red"}"#, "unknown field colour"),
            (#"not json"#, "the request body must be a JSON object"),
        ])
    func badInputIsRejected(body: String, message: String) async throws {
        try await Self.makeApplication().test(.router) { client in
            let (status, json) = try await Self.postRun(client, body)
            #expect(status == .badRequest)
            let actual = Self.errorMessage(json) ?? ""
            #expect(actual.hasPrefix(message), "got: \(actual)")
        }
    }

    @Test("A body that is not JSON by its Content-Type is refused")
    func requiresJSONContentType() async throws {
        try await Self.makeApplication().test(.router) { client in
            try await client.execute(
                uri: "/api/v1/simulations", method: .post, headers: [.contentType: "text/plain"],
                body: ByteBuffer(string: #"{"preset":"flapping"}"#)
            ) { response in
                #expect(response.status == .unsupportedMediaType)
            }
        }
    }

    @Test("Nested overrides, as the API returns the config, give the same run as dotted keys")
    func nestedOverridesMatchDottedOnes() async throws {
        try await Self.makeApplication().test(.router) { client in
            let dotted = try await client.execute(
                uri: "/api/v1/simulations", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(
                    string: #"{"preset":"inventory-outage","seed":4,"overrides":{"breaker.enabled":false,"retry.maxAttempts":2}}"#
                )
            ) { ($0.status, String(buffer: $0.body)) }
            let nested = try await client.execute(
                uri: "/api/v1/simulations", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(
                    string:
                        #"{"preset":"inventory-outage","seed":4,"overrides":{"breaker":{"enabled":false},"retry":{"maxAttempts":2}}}"#
                )
            ) { ($0.status, String(buffer: $0.body)) }
            #expect(dotted.0 == .ok)
            #expect(nested.0 == .ok, "got: \(nested.1)")
            #expect(nested.1 == dotted.1)
            #expect(nested.1.contains(#""breaker":{"enabled":false"#))
        }
    }

    @Test("A whole config sent back as overrides is accepted")
    func wholeConfigIsAccepted() async throws {
        let preset = try #require(SimulationPreset.named("retry-storm"))
        let config = String(decoding: try JSONEncoder().encode(preset.config), as: UTF8.self)
        try await Self.makeApplication().test(.router) { client in
            let (status, json) = try await Self.postRun(client, #"{"preset":"inventory-outage","overrides":\#(config)}"#)
            #expect(status == .ok, "got: \(Self.errorMessage(json) ?? "")")
            let retry = try #require((json["config"] as? [String: Any])?["retry"] as? [String: Any])
            #expect(retry["maxAttempts"] as? Int == preset.config.retry.maxAttempts)
        }
    }

    @Test("Deeply nested JSON is refused before decoding, naming the limit")
    func deepJSONIsRefusedAtOnce() async throws {
        let depth = 4_000
        let body =
            #"{"preset":"flapping","overrides":{"x":"# + String(repeating: "[", count: depth)
            + String(repeating: "]", count: depth) + "}}"
        try await Self.makeApplication().test(.router) { client in
            let (status, json) = try await Self.postRun(client, body)
            #expect(status == .badRequest)
            #expect(Self.errorMessage(json) == "the request body nests JSON deeper than 10 levels")
        }
    }
}
