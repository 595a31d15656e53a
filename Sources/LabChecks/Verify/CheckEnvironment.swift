public import LabContent

/// What every check of one attempt shares: the learner's account, and what kind of target it is.
public struct CheckEnvironment: Sendable {
    public let account: LearnerAccount
    /// True on the sandbox emulator, where checks it cannot answer end `unsupported` instead of `failed`.
    public let isSandbox: Bool
    /// For `cleanup.no-leftovers`, which runs the cleanup job's scan.
    public let prices: LabPrices
    /// How long `messaging.fan-out` waits for its probe to reach each queue.
    public let deliveryWait: Duration

    public init(account: LearnerAccount, isSandbox: Bool, prices: LabPrices = .none, deliveryWait: Duration = .seconds(3)) {
        self.account = account
        self.isSandbox = isSandbox
        self.prices = prices
        self.deliveryWait = deliveryWait
    }

    /// What the page says the target is, in error messages ("the sandbox did not answer").
    var targetName: String { isSandbox ? "the sandbox" : "AWS" }
}
