/// The values a learner's pages are rendered with: the built-ins plus the lab's declared variables.
public struct LearnerVariables: Sendable {
    public struct Value: Sendable, Equatable {
        public let text: String
        /// True while the real value is unknown (the account id before anyone looked it up).
        public let isPlaceholder: Bool

        public init(_ text: String, isPlaceholder: Bool = false) {
            self.text = text
            self.isPlaceholder = isPlaceholder
        }
    }

    public private(set) var values: [String: Value]

    public init(_ values: [String: Value] = [:]) {
        self.values = values
    }

    public subscript(name: String) -> Value? {
        get { values[name] }
        set { values[name] = newValue }
    }
}

/// The variables every lab can use without declaring them.
public enum BuiltinVariable: String, CaseIterable, Sendable {
    case prefix
    case handle
    case region
    case accountId
    /// Where SQS queue URLs start: `https://sqs.<region>.amazonaws.com`, or the sandbox endpoint.
    case sqsEndpoint
    /// The sandbox's endpoint and this learner's keys to it; placeholders on a real account.
    case sandboxEndpoint
    case sandboxAccessKeyId
    case sandboxSecretAccessKey

    /// Shown where a built-in has no value yet.
    public var placeholder: String {
        switch self {
        case .prefix: "PREFIX-"
        case .handle: "HANDLE"
        case .region: "REGION"
        case .accountId: "ACCOUNT_ID"
        case .sqsEndpoint: "https://sqs.REGION.amazonaws.com"
        case .sandboxEndpoint: "SANDBOX_ENDPOINT"
        case .sandboxAccessKeyId: "SANDBOX_ACCESS_KEY_ID"
        case .sandboxSecretAccessKey: "SANDBOX_SECRET_ACCESS_KEY"
        }
    }
}
