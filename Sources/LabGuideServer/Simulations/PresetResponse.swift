import BreakerSimulator

/// One entry of `GET /api/v1/simulations/presets`.
struct PresetResponse: Encodable, Sendable {
    let id: String
    let title: String
    /// What to watch for; paragraphs separated by a blank line.
    let explanation: String
    let config: SimulationConfig
    /// The preset's own seed and duration, used when a run does not name them.
    let seed: UInt64
    let durationSeconds: Int
    /// Overrides for the B side of an A/B comparison that makes the preset's point.
    let compareOverrides: [String: ConfigValue]

    init(_ preset: SimulationPreset) {
        id = preset.id
        title = preset.title
        explanation = preset.explanation
        config = preset.config
        seed = preset.seed
        durationSeconds = preset.durationSeconds
        compareOverrides = preset.compareOverrides
    }
}
