/// A config value or override the simulator cannot run with; the message names the field and what it accepts.
public struct SimulationConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The dotted key of the offending field, for example `breaker.failureRateThreshold`.
    public let field: String
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { message }

    static func outOfRange(_ field: String, _ value: String, _ range: String) -> Self {
        SimulationConfigError(field: field, message: "\(field) must be \(range) (got \(value))")
    }
}
