/// The document the API answers and `labguide simulate --format json` prints: the effective config, the
/// summary, one series bucket per second, the breaker's transitions and, when asked, every attempt.
public struct SimulationReport: Codable, Sendable, Hashable {
    public var preset: String
    public var seed: UInt64
    public var durationSeconds: Int
    public var config: SimulationConfig
    public var summary: SimulationSummary
    public var series: [SeriesBucket]
    public var transitions: [TransitionRecord]
    public var calls: [CallRecord]?

    public init(preset: String, seed: UInt64, durationSeconds: Int, config: SimulationConfig, result: SimulationResult) {
        self.preset = preset
        self.seed = seed
        self.durationSeconds = durationSeconds
        self.config = config
        self.summary = result.summary
        self.series = result.series
        self.transitions = result.transitions
        self.calls = result.calls
    }
}

/// What to simulate: a preset, optionally changed by dotted-key overrides, on a seed for a duration.
public struct SimulationRequest: Sendable, Hashable {
    public var preset: String
    /// `nil` uses the preset's seed.
    public var seed: UInt64?
    /// `nil` uses the preset's duration.
    public var durationSeconds: Int?
    public var overrides: [String: ConfigValue]
    public var includeCalls: Bool

    public init(
        preset: String, seed: UInt64? = nil, durationSeconds: Int? = nil, overrides: [String: ConfigValue] = [:],
        includeCalls: Bool = false
    ) {
        self.preset = preset
        self.seed = seed
        self.durationSeconds = durationSeconds
        self.overrides = overrides
        self.includeCalls = includeCalls
    }
}
