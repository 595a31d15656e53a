import Foundation
import Hummingbird
import Synchronization

/// Limits joins per client address: a token bucket each, `burst` joins at once and `perMinute` after that.
///
/// Every join writes a learner and a session to SQLite; unbounded, 2,400 joins in 10 s added 145 MB to the
/// database. A class behind one NAT shares an address, so the burst is a whole class joining at once.
final class JoinRateLimiter: Sendable {
    struct Configuration: Sendable {
        var burst: Int
        var perMinute: Int

        init(burst: Int = 60, perMinute: Int = 30) {
            self.burst = max(1, burst)
            self.perMinute = max(1, perMinute)
        }
    }

    private struct Bucket {
        var tokens: Double
        var updatedAt: Date
    }

    private let configuration: Configuration
    /// Beyond this many addresses the table starts over: its memory stays bounded whatever the traffic.
    private let maximumAddresses: Int
    private let buckets = Mutex<[String: Bucket]>([:])

    init(configuration: Configuration = Configuration(), maximumAddresses: Int = 10_000) {
        self.configuration = configuration
        self.maximumAddresses = maximumAddresses
    }

    /// Takes a token for `address`, or throws 429 with `Retry-After` (whole seconds until the next token).
    func admit(_ address: String?, now: Date = Date()) throws {
        let refillPerSecond = Double(configuration.perMinute) / 60
        let burst = Double(configuration.burst)
        let wait: Double? = buckets.withLock { buckets in
            let key = address ?? ""
            var bucket = buckets[key] ?? Bucket(tokens: burst, updatedAt: now)
            bucket.tokens = min(burst, bucket.tokens + max(0, now.timeIntervalSince(bucket.updatedAt)) * refillPerSecond)
            bucket.updatedAt = now
            defer {
                if buckets[key] == nil, buckets.count >= maximumAddresses { buckets.removeAll(keepingCapacity: true) }
                buckets[key] = bucket
            }
            guard bucket.tokens >= 1 else { return (1 - bucket.tokens) / refillPerSecond }
            bucket.tokens -= 1
            return nil
        }
        if let wait {
            let seconds = max(1, Int(wait.rounded(.up)))
            throw HTTPError(
                .tooManyRequests, headers: [.retryAfter: String(seconds)],
                message: "Too many joins from this address; try again in \(seconds) s.")
        }
    }
}
