/// What the loader checks lab content against that lives outside the labs themselves.
public struct LabLoadingOptions: Sendable {
    /// The presets a ` ```simulator ` block may name; the simulator owns the list, so the server passes it in.
    public var simulatorPresets: Set<String>

    /// The presets listed in `labs/README.md`.
    public static let defaultSimulatorPresets: Set<String> = [
        "inventory-outage", "slow-inventory", "flapping", "retry-storm", "half-open-herd",
    ]

    public init(simulatorPresets: Set<String> = LabLoadingOptions.defaultSimulatorPresets) {
        self.simulatorPresets = simulatorPresets
    }
}
