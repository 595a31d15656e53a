import BreakerSimulator
import Testing

@Suite("Simulator invariants")
struct SimulationInvariantTests {
    /// Runs a preset with every attempt recorded (the API's 20,000-call limit does not apply here).
    static func run(_ preset: String, seed: UInt64 = 42, overrides: [String: ConfigValue] = [:]) throws -> SimulationReport {
        let definition = try #require(SimulationPreset.named(preset))
        let config = try definition.config.applying(overrides)
        try config.validate(durationSeconds: definition.durationSeconds)
        let result = Simulator.run(
            config: config, seed: seed, durationSeconds: definition.durationSeconds, maximumRecordedCalls: 1_000_000)
        return SimulationReport(
            preset: preset, seed: seed, durationSeconds: definition.durationSeconds, config: config, result: result)
    }

    @Test("The same seed and config give identical results", arguments: SimulationPreset.all.map(\.id))
    func sameSeedSameResult(preset: String) throws {
        let first = try Self.run(preset, seed: 7)
        let second = try Self.run(preset, seed: 7)
        #expect(first == second)
        let otherSeed = try Self.run(preset, seed: 8)
        #expect(otherSeed.summary != first.summary)
    }

    @Test(
        "The five outcomes add up to the offered requests, in the summary and over the series",
        arguments: SimulationPreset.all.map(\.id))
    func outcomesAreConserved(preset: String) throws {
        let report = try Self.run(preset)
        let summary = report.summary
        #expect(summary.offered > 0)
        #expect(
            summary.succeeded + summary.failed + summary.timedOut + summary.rejectedByBreaker + summary.rejectedByBulkhead
                == summary.offered)
        let series = report.series
        #expect(series.map(\.offered).reduce(0, +) == summary.offered)
        let finished = series.map { $0.succeeded + $0.failed + $0.timedOut + $0.rejectedByBreaker + $0.rejectedByBulkhead }
        #expect(finished.reduce(0, +) == summary.offered)
        #expect(series.map { $0.downstreamFirstTries + $0.downstreamRetries }.reduce(0, +) == summary.downstreamCalls)
        #expect(report.calls?.filter(\.reachedDownstream).count == summary.downstreamCalls)
        #expect(report.calls?.count == summary.calls)
        #expect(series.count >= report.durationSeconds)
        #expect(series.enumerated().allSatisfy { $0.offset == $0.element.t })
    }

    @Test("No call reaches inventory while the breaker is open", arguments: SimulationPreset.all.map(\.id))
    func noDownstreamCallWhileOpen(preset: String) throws {
        let report = try Self.run(preset, overrides: ["breaker.enabled": .bool(true)])
        let calls = try #require(report.calls)
        let decidedWhileOpen = calls.filter { $0.state == "open" || $0.state == "forcedOpen" }
        #expect(!decidedWhileOpen.isEmpty)
        #expect(decidedWhileOpen.allSatisfy { !$0.reachedDownstream && $0.outcome == .rejectedByBreaker })
        // And by time: every attempt that reached inventory started outside an open interval.
        let openIntervals = Self.openIntervals(report.transitions, end: report.summary.simulatedSeconds)
        for call in calls where call.reachedDownstream {
            #expect(!openIntervals.contains { call.t > $0.lowerBound && call.t < $0.upperBound })
        }
    }

    @Test("Half-open probes never exceed permittedCallsInHalfOpen", arguments: [1, 3, 10, 100])
    func halfOpenProbesStayWithinLimit(permitted: Int) throws {
        for preset in ["inventory-outage", "flapping", "half-open-herd"] {
            let report = try Self.run(preset, overrides: ["breaker.permittedCallsInHalfOpen": .number(Double(permitted))])
            let calls = try #require(report.calls)
            let halfOpenStarts = report.transitions.filter { $0.to == "halfOpen" }.map(\.t)
            #expect(!halfOpenStarts.isEmpty)
            for (index, start) in halfOpenStarts.enumerated() {
                let end = report.transitions.first { $0.t >= start && $0.from == "halfOpen" }?.t ?? .infinity
                let probes = calls.filter { $0.state == "halfOpen" && $0.reachedDownstream && $0.t >= start && $0.t <= end }
                #expect(probes.count <= permitted, "half-open period \(index) of \(preset) sent \(probes.count) probes")
            }
        }
    }

    @Test("During inventory-outage the breaker cuts downstream calls compared with no breaker on the same seed")
    func breakerCutsDownstreamCallsDuringOutage() throws {
        for seed: UInt64 in [1, 42, 2024] {
            let withBreaker = try Self.run("inventory-outage", seed: seed)
            let withoutBreaker = try Self.run("inventory-outage", seed: seed, overrides: ["breaker.enabled": .bool(false)])
            #expect(withBreaker.summary.offered == withoutBreaker.summary.offered)
            let outageSeconds = 20..<40
            let duringOutage = { (report: SimulationReport) in
                report.series.filter { outageSeconds.contains($0.t) }.map { $0.downstreamFirstTries + $0.downstreamRetries }
                    .reduce(0, +)
            }
            #expect(duringOutage(withBreaker) * 10 < duringOutage(withoutBreaker))
            #expect(withBreaker.summary.downstreamCalls < withoutBreaker.summary.downstreamCalls)
            #expect(withoutBreaker.transitions.isEmpty)
            #expect(withBreaker.transitions.first?.to == "open")
            #expect(withBreaker.series.last?.breakerState == "closed")
        }
    }

    static func openIntervals(_ transitions: [TransitionRecord], end: Double) -> [ClosedRange<Double>] {
        var intervals: [ClosedRange<Double>] = []
        var openedAt: Double?
        for transition in transitions {
            if transition.to == "open" || transition.to == "forcedOpen" { openedAt = transition.t }
            if let start = openedAt, transition.from == "open" || transition.from == "forcedOpen" {
                intervals.append(start...transition.t)
                openedAt = nil
            }
        }
        if let openedAt { intervals.append(openedAt...max(openedAt, end)) }
        return intervals
    }
}
