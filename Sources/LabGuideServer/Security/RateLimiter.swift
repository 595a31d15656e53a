import Foundation
import Hummingbird
import Synchronization

/// A token bucket per key (a client address, a learner): `burst` at once and `perMinute` after that, else 429.
///
/// Joins are limited per address: every join writes a learner and a session to SQLite; unbounded, 2,400 joins in
/// 10 s added 145 MB to the database. A class behind one NAT shares an address, so the burst is a whole class
/// joining at once. Verify is limited per learner (see `VerifyController`).
final class RateLimiter: Sendable {
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
    /// Beyond this many keys the table starts over: its memory stays bounded whatever the traffic.
    private let maximumAddresses: Int
    private let buckets = Mutex<[String: Bucket]>([:])
    /// The 429's message, given the seconds until the next token.
    private let refusal: @Sendable (Int) -> String

    init(
        configuration: Configuration = Configuration(), maximumAddresses: Int = 10_000,
        refusal: @escaping @Sendable (Int) -> String = { "Too many joins from this address; try again in \($0) s." }
    ) {
        self.configuration = configuration
        self.maximumAddresses = maximumAddresses
        self.refusal = refusal
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
                .tooManyRequests, headers: [.retryAfter: String(seconds)], message: refusal(seconds))
        }
    }
}
