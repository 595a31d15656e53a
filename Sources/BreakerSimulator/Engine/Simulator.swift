/// Runs simulations: validates a request, runs the engine, and shapes the report.
public enum Simulator {
    /// `includeCalls` is refused for runs with more attempts than this (the list would be too big to draw).
    public static let maximumIncludedCalls = 20_000

    /// Resolves the preset and overrides, validates everything, and runs.
    ///
    /// Throws a ``SimulationConfigError`` naming the field for an unknown preset, a bad override, a value out of
    /// range, or `includeCalls` on a run with more than ``maximumIncludedCalls`` attempts.
    public static func run(_ request: SimulationRequest) throws(SimulationConfigError) -> SimulationReport {
        guard let preset = SimulationPreset.named(request.preset) else { throw SimulationPreset.unknown(request.preset) }
        let durationSeconds = request.durationSeconds ?? preset.durationSeconds
        let seed = request.seed ?? preset.seed
        let config = try preset.config.applying(request.overrides)
        try config.validate(durationSeconds: durationSeconds)
        let result = run(
            config: config, seed: seed, durationSeconds: durationSeconds,
            maximumRecordedCalls: request.includeCalls ? maximumIncludedCalls : nil)
        if request.includeCalls, result.calls == nil {
            throw SimulationConfigError(
                field: "includeCalls",
                message: "includeCalls is allowed only for runs of at most \(maximumIncludedCalls) calls (this run made"
                    + " \(result.summary.calls)); lower durationSeconds or load.requestsPerSecond")
        }
        return SimulationReport(preset: preset.id, seed: seed, durationSeconds: durationSeconds, config: config, result: result)
    }

    /// Runs a config that has already been validated; the same arguments always give the same result.
    ///
    /// - Parameter maximumRecordedCalls: record every attempt while there are at most this many; `nil` records none.
    public static func run(
        config: SimulationConfig, seed: UInt64, durationSeconds: Int, maximumRecordedCalls: Int? = nil
    ) -> SimulationResult {
        var engine = SimulationEngine(
            config: config, seed: seed, durationSeconds: durationSeconds, maximumRecordedCalls: maximumRecordedCalls)
        return engine.run()
    }
}
