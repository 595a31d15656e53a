/// A named scenario: a config, a suggested seed and duration, and a short explanation of what to watch for.
public struct SimulationPreset: Codable, Sendable, Hashable, Identifiable {
    public let id: String
    public let title: String
    /// What the learner should look for in the plots; paragraphs separated by a blank line.
    public let explanation: String
    public let config: SimulationConfig
    public let durationSeconds: Int
    public let seed: UInt64
    /// Overrides for the B side of an A/B comparison that makes the preset's point.
    public let compareOverrides: [String: ConfigValue]

    /// Looks a preset up by id.
    public static func named(_ id: String) -> SimulationPreset? {
        all.first { $0.id == id }
    }

    /// The error for an unknown preset, naming the ones that exist.
    public static func unknown(_ id: String) -> SimulationConfigError {
        SimulationConfigError(
            field: "preset", message: "preset must be one of \(all.map(\.id).joined(separator: ", ")) (got \"\(id)\")")
    }
}
