import BreakerSimulator
import Foundation
import Testing

@Suite("Simulation config, overrides and presets")
struct SimulationConfigTests {
    @Test("Every preset has a title, an explanation and a valid config")
    func presetsAreComplete() throws {
        #expect(
            SimulationPreset.all.map(\.id) == [
                "inventory-outage", "slow-inventory", "flapping", "retry-storm", "half-open-herd",
            ])
        for preset in SimulationPreset.all {
            #expect(!preset.title.isEmpty)
            #expect(preset.explanation.count > 100)
            try preset.config.validate(durationSeconds: preset.durationSeconds)
            _ = try preset.config.applying(preset.compareOverrides)
        }
        let outage = try #require(SimulationPreset.named("inventory-outage"))
        #expect(outage.config.fault.outages == [FaultWindow(startSeconds: 20, endSeconds: 40)])
        let storm = try #require(SimulationPreset.named("retry-storm"))
        #expect(storm.config.retry.jitter == "none")
        #expect(!storm.config.breaker.enabled)
    }

    @Test("The breaker part of the config uses the issue's key names")
    func breakerKeysAreTheIssues() throws {
        let keys = SimulationConfig.knownKeys.filter { $0.hasPrefix("breaker.") }
        #expect(
            Set(keys) == [
                "breaker.enabled", "breaker.failureRateThreshold", "breaker.slowCallRateThreshold",
                "breaker.slowCallDurationMs", "breaker.minimumNumberOfCalls", "breaker.slidingWindowType",
                "breaker.slidingWindowSize", "breaker.waitDurationInOpenMs", "breaker.permittedCallsInHalfOpen",
            ])
    }

    @Test("Dotted overrides change one field, including fields inside fault windows")
    func overridesChangeOneField() throws {
        let base = try #require(SimulationPreset.named("inventory-outage")).config
        let changed = try base.applying([
            "breaker.failureRateThreshold": .number(60), "breaker.slidingWindowType": .string("timeBased"),
            "fault.outages.0.startSeconds": .number(25), "retry.enabled": .bool(false),
        ])
        #expect(changed.breaker.failureRateThreshold == 60)
        #expect(changed.breaker.slidingWindowType == "timeBased")
        #expect(changed.fault.outages.first?.startSeconds == 25)
        #expect(changed.retry.enabled == false)
        #expect(changed.load == base.load)
        let replaced = try base.applying([
            "fault.errorWindows": .array([
                .object(["startSeconds": .number(1), "endSeconds": .number(2), "errorPercent": .number(50)])
            ])
        ])
        #expect(replaced.fault.errorWindows == [ErrorWindow(startSeconds: 1, endSeconds: 2, errorPercent: 50)])
    }

    @Test(
        "Bad overrides and values name the field and what it accepts",
        arguments: [
            (
                ["breaker.failureRateThreshold": ConfigValue.number(150)],
                "breaker.failureRateThreshold must be between 1 and 100 (got 150)"
            ),
            (["breaker.colour": .string("red")], "unknown config key breaker.colour"),
            (["nonsense": .number(1)], "unknown config key nonsense: sections are load, inventory, fault"),
            (["breaker.enabled": .string("yes")], "breaker.enabled must be a boolean (got a string yes)"),
            (["breaker.minimumNumberOfCalls": .number(2.5)], "breaker.minimumNumberOfCalls must be a whole number"),
            (["breaker.slidingWindowType": .string("sliding")], "breaker.slidingWindowType must be one of countBased, timeBased"),
            (
                ["fault.outages.3.startSeconds": .number(1)],
                "fault.outages.3.startSeconds does not exist: fault.outages has 1 entries"
            ),
            (["fault.outages.0.endSeconds": .number(10)], "fault.outages.0.endSeconds must be between 20 and 86400 (got 10)"),
            (["retry.jitter": .string("random")], "retry.jitter must be one of none, full, equal, decorrelated"),
            (["load.requestsPerSecond": .number(-5)], "load.requestsPerSecond must be between 0.01 and 100000 (got -5)"),
            (["timeout.durationMs": .number(0)], "timeout.durationMs must be between 1 and 600000 (got 0)"),
        ])
    func badInputNamesTheField(overrides: [String: ConfigValue], message: String) throws {
        let error = #expect(throws: SimulationConfigError.self) {
            _ = try Simulator.run(SimulationRequest(preset: "inventory-outage", overrides: overrides))
        }
        #expect(error?.message.hasPrefix(message) == true, "got: \(error?.message ?? "no error")")
    }

    @Test("Unknown presets, bad durations and oversized call lists are refused")
    func requestLevelValidation() throws {
        let unknown = #expect(throws: SimulationConfigError.self) { _ = try Simulator.run(SimulationRequest(preset: "nope")) }
        #expect(unknown?.message.hasPrefix("preset must be one of inventory-outage, slow-inventory") == true)
        for duration in [0, -3, 3601] {
            let error = #expect(throws: SimulationConfigError.self) {
                _ = try Simulator.run(SimulationRequest(preset: "flapping", durationSeconds: duration))
            }
            #expect(error?.message == "durationSeconds must be between 1 and 3600 (got \(duration))")
        }
        let tooMany = #expect(throws: SimulationConfigError.self) {
            _ = try Simulator.run(SimulationRequest(preset: "inventory-outage", durationSeconds: 600, includeCalls: true))
        }
        #expect(tooMany?.field == "includeCalls")
        let small = try Simulator.run(SimulationRequest(preset: "inventory-outage", durationSeconds: 10, includeCalls: true))
        #expect(small.calls?.count == small.summary.calls)
    }

    @Test("The report encodes to the documented JSON shape")
    func reportJSONShape() throws {
        let report = try Simulator.run(SimulationRequest(preset: "inventory-outage", seed: 3, durationSeconds: 45))
        let data = try JSONEncoder().encode(report)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(json.keys) == ["preset", "seed", "durationSeconds", "config", "summary", "series", "transitions"])
        let breaker = try #require((json["config"] as? [String: Any])?["breaker"] as? [String: Any])
        #expect(breaker["failureRateThreshold"] as? Double == 50)
        let bucket = try #require((json["series"] as? [[String: Any]])?[30])
        #expect(bucket["breakerState"] as? String == "open")
        #expect(bucket["downstreamLatencyP50Ms"] is NSNull || bucket["downstreamLatencyP50Ms"] is Double)
        let transition = try #require((json["transitions"] as? [[String: Any]])?.first)
        #expect(Set(transition.keys) == ["t", "from", "to"])
        let decoded = try JSONDecoder().decode(SimulationReport.self, from: data)
        #expect(decoded.summary == report.summary)
    }
}
