/// A token bucket that limits retries across all calls (the AWS SDK's retry quota).
///
/// A retry withdraws `retryCost` tokens (`timeoutRetryCost` after a timeout); when the bucket cannot pay,
/// the retry is dropped but first attempts still go out. A first attempt that succeeds adds
/// `successRefill`; a retried call that succeeds pays back what its last retry cost. So during an outage the
/// retries stop, and they come back as the downstream recovers.
public struct RetryBudget: Sendable, Hashable {
    public let capacity: Int
    public let retryCost: Int
    public let timeoutRetryCost: Int
    public let successRefill: Int
    public private(set) var tokens: Int

    /// The AWS standard mode: 500 tokens, 5 per retry, 10 per retry after a timeout, 1 back per success.
    public static let awsStandard = RetryBudget(capacity: 500, retryCost: 5, timeoutRetryCost: 10, successRefill: 1)

    public init(capacity: Int, retryCost: Int = 5, timeoutRetryCost: Int = 10, successRefill: Int = 1) {
        self.capacity = max(0, capacity)
        self.retryCost = max(0, retryCost)
        self.timeoutRetryCost = max(0, timeoutRetryCost)
        self.successRefill = max(0, successRefill)
        self.tokens = self.capacity
    }

    /// Takes the cost of one retry; returns what was taken, or `nil` when the bucket cannot pay.
    public mutating func withdraw(afterTimeout isTimeout: Bool) -> Int? {
        let cost = isTimeout ? timeoutRetryCost : retryCost
        guard tokens >= cost else { return nil }
        tokens -= cost
        return cost
    }

    /// Credits a successful call: its last retry's cost if it was retried, else the success refill.
    public mutating func recordSuccess(refunding lastRetryCost: Int?) {
        tokens = min(capacity, tokens + (lastRetryCost ?? successRefill))
    }
}
