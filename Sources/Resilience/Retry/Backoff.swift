/// How long to wait before a retry: exponential growth from `base`, capped, with optional jitter.
///
/// With `v = min(cap, base · 2^(retry - 1))` for the n-th retry (the AWS Architecture Blog formulas):
/// `none` waits `v`, `full` waits `random(0, v)`, `equal` waits `v/2 + random(0, v/2)`, and `decorrelated`
/// waits `min(cap, random(base, 3 · previous))` starting from `previous = base`. A zero `base` retries at once.
public struct Backoff: Sendable, Hashable {
    public enum Jitter: String, Sendable, Hashable, Codable, CaseIterable {
        case none
        case full
        case equal
        case decorrelated
    }

    public var base: Duration
    public var cap: Duration
    public var jitter: Jitter

    public init(base: Duration, cap: Duration, jitter: Jitter) {
        self.base = base
        self.cap = max(base, cap)
        self.jitter = jitter
    }

    /// Retries immediately: no wait at all.
    public static let immediate = Backoff(base: .zero, cap: .zero, jitter: .none)

    /// The wait before retry number `retry` (1 for the first retry), given the previous wait.
    public func delay(
        beforeRetry retry: Int, previousDelay: Duration, using generator: inout some RandomNumberGenerator
    ) -> Duration {
        let baseSeconds = Self.seconds(base)
        let capSeconds = Self.seconds(cap)
        guard baseSeconds > 0 else { return .zero }
        let exponent = Double(min(max(retry - 1, 0), 62))
        let ceiling = min(capSeconds, baseSeconds * Double(sign: .plus, exponent: Int(exponent), significand: 1))
        let seconds: Double
        switch jitter {
        case .none:
            seconds = ceiling
        case .full:
            seconds = Double.random(in: 0...ceiling, using: &generator)
        case .equal:
            seconds = ceiling / 2 + Double.random(in: 0...(ceiling / 2), using: &generator)
        case .decorrelated:
            let upper = max(baseSeconds, 3 * Self.seconds(previousDelay == .zero ? base : previousDelay))
            seconds = min(capSeconds, Double.random(in: baseSeconds...upper, using: &generator))
        }
        return .nanoseconds(Int64(seconds * 1e9))
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}
