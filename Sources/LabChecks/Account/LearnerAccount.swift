public import AWSClient

/// One learner's AWS account as the provision and cleanup jobs see it: a runtime already pointed at the right
/// endpoint with the right credentials, and the prefix every one of the learner's resource names starts with.
public struct LearnerAccount: Sendable {
    public let runtime: AWSRuntime
    /// `lg-ana-7f3k-`: cleanup never touches a name outside it.
    public let prefix: String
    public let handle: String
    public let labID: String
    public let accountID: String
    public let region: String

    /// Refuses a prefix that could be the start of another learner's prefix (see `LearnerPrefix`), since cleanup
    /// deletes by prefix.
    public init(
        runtime: AWSRuntime, prefix: String, handle: String, labID: String, accountID: String, region: String
    ) throws {
        try LearnerPrefix.validate(prefix)
        self.runtime = runtime
        self.prefix = prefix
        self.handle = handle
        self.labID = labID
        self.accountID = accountID
        self.region = region
    }

    /// The tags every created resource carries, where the service supports tags.
    public var tags: [String: String] {
        ["labguide:learner": handle, "labguide:lab": labID]
    }
}
