/// Thrown instead of calling the operation when a breaker refuses a call.
///
/// Retry never retries it: the breaker already says when it is worth coming back (`retryAfter`).
public struct CircuitBreakerOpenError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The name of the breaker, for example an AWS endpoint.
    public let name: String
    public let rejection: CircuitBreakerRejection

    public init(name: String, rejection: CircuitBreakerRejection) {
        self.name = name
        self.rejection = rejection
    }

    public var description: String {
        let state = rejection.state == .halfOpen ? "circuit half-open, probes in flight" : "circuit \(rejection.state.rawValue)"
        guard let retryAfter = rejection.retryAfter else { return "\(name) unavailable (\(state))" }
        let seconds = max(1, Int((Backoff.seconds(retryAfter)).rounded(.up)))
        return "\(name) unavailable (\(state)); next try in \(seconds) s"
    }
}
