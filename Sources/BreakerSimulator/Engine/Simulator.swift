/// Runs simulations: validates a request, runs the engine, and shapes the report.
public enum Simulator {
    /// `includeCalls` is refused for runs with more attempts than this (the list would be too big to draw).
    public static let maximumIncludedCalls = 20_000

    /// Resolves the preset and overrides, validates everything, and runs.
    ///
    /// Throws a ``SimulationConfigError`` naming the field for an unknown preset, a bad override, a value out of
    /// range, or `includeCalls` on a run with more than ``maximumIncludedCalls`` attempts. The command line has
    /// no work limit (its user waits for their own run); the API's runs go through ``prepare(_:maximumSimulatedCalls:)``.
    public static func run(_ request: SimulationRequest) throws(SimulationConfigError) -> SimulationReport {
        let plan = try prepare(request, maximumSimulatedCalls: nil)
        guard let report = try plan.run() else { preconditionFailure("a run that is never asked to stop finishes") }
        return report
    }

    /// Everything that can be refused before running, refused: the returned plan only has to run.
    ///
    /// - Parameter maximumSimulatedCalls: the most calls the run may need (nil for no limit beyond the config's
    ///   own ranges); the API passes ``SimulationConfig/maximumSimulatedCalls``.
    public static func prepare(
        _ request: SimulationRequest, maximumSimulatedCalls: Int? = SimulationConfig.maximumSimulatedCalls
    ) throws(SimulationConfigError) -> SimulationPlan {
        guard let preset = SimulationPreset.named(request.preset) else { throw SimulationPreset.unknown(request.preset) }
        let durationSeconds = request.durationSeconds ?? preset.durationSeconds
        let config = try preset.config.applying(request.overrides)
        try config.validate(durationSeconds: durationSeconds)
        if let maximumSimulatedCalls {
            try config.validateWork(durationSeconds: durationSeconds, limit: maximumSimulatedCalls)
        }
        // Every request makes at least one attempt, so a run offered more requests than the list may hold cannot
        // fit it: say so now instead of after the whole run.
        let expectedRequests = config.load.requestsPerSecond * Double(durationSeconds)
        if request.includeCalls, expectedRequests > Double(maximumIncludedCalls) {
            throw tooManyCalls(atLeast: Int(expectedRequests))
        }
        return SimulationPlan(
            preset: preset.id, config: config, seed: request.seed ?? preset.seed, durationSeconds: durationSeconds,
            includesCalls: request.includeCalls)
    }

    /// Runs a config that has already been validated; the same arguments always give the same result.
    ///
    /// - Parameter maximumRecordedCalls: record every attempt while there are at most this many; `nil` records none.
    public static func run(
        config: SimulationConfig, seed: UInt64, durationSeconds: Int, maximumRecordedCalls: Int? = nil
    ) -> SimulationResult {
        var engine = SimulationEngine(
            config: config, seed: seed, durationSeconds: durationSeconds, maximumRecordedCalls: maximumRecordedCalls)
        guard let result = engine.run() else { preconditionFailure("a run that is never asked to stop finishes") }
        return result
    }

    static func tooManyCalls(atLeast calls: Int) -> SimulationConfigError {
        SimulationConfigError(
            field: "includeCalls",
            message: "includeCalls is allowed only for runs of at most \(maximumIncludedCalls) calls (this run makes"
                + " at least \(calls)); lower durationSeconds or load.requestsPerSecond")
    }
}

/// A validated run, ready to go: ``Simulator/prepare(_:)`` makes one, and running it can only finish or stop.
public struct SimulationPlan: Sendable, Hashable {
    public let preset: String
    public let config: SimulationConfig
    public let seed: UInt64
    public let durationSeconds: Int
    public let includesCalls: Bool

    /// Runs the plan, asking `shouldStop` every few thousand events; nil once it answered true.
    ///
    /// Throws when `includeCalls` was asked for and the run turns out to make more calls than the list may hold;
    /// the run stops as soon as it passes that number.
    public func run(stoppingWhen shouldStop: () -> Bool = { false }) throws(SimulationConfigError) -> SimulationReport? {
        var engine = SimulationEngine(
            config: config, seed: seed, durationSeconds: durationSeconds,
            maximumRecordedCalls: includesCalls ? Simulator.maximumIncludedCalls : nil)
        guard let result = engine.run(stoppingWhen: shouldStop) else {
            if shouldStop() { return nil }
            throw Simulator.tooManyCalls(atLeast: Simulator.maximumIncludedCalls + 1)
        }
        if includesCalls, result.calls == nil { throw Simulator.tooManyCalls(atLeast: result.summary.calls) }
        return SimulationReport(preset: preset, seed: seed, durationSeconds: durationSeconds, config: config, result: result)
    }
}
