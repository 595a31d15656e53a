import Synchronization

/// The standard mode's retry quota: a token bucket shared by every call of a client, so that a failing endpoint
/// cannot turn each call into three. A retry takes 5 tokens (10 after a timeout); a success gives back what its own
/// retries took, or 1 token when it needed none.
public final class RetryQuota: Sendable {
    public static let retryCost = 5
    public static let timeoutRetryCost = 10
    public static let successIncrement = 1

    public let capacity: Int
    private let available: Mutex<Int>

    public init(capacity: Int = 500) {
        self.capacity = capacity
        self.available = Mutex(capacity)
    }

    public var availableTokens: Int { available.withLock { $0 } }

    /// Takes the cost of one retry, or returns `nil` (and takes nothing) when the bucket cannot pay it.
    public func acquireRetry(afterTimeout: Bool) -> Int? {
        let cost = afterTimeout ? Self.timeoutRetryCost : Self.retryCost
        return available.withLock { tokens in
            guard tokens >= cost else { return nil }
            tokens -= cost
            return cost
        }
    }

    /// Records a successful call: refunds the tokens its retries took, or adds the small success increment.
    public func recordSuccess(refunding heldTokens: Int) {
        let capacity = capacity
        available.withLock { tokens in
            tokens = min(capacity, tokens + (heldTokens > 0 ? heldTokens : Self.successIncrement))
        }
    }
}
