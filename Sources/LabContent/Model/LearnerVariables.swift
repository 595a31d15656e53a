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

    /// Shown where a built-in has no value yet.
    public var placeholder: String {
        switch self {
        case .prefix: "PREFIX-"
        case .handle: "HANDLE"
        case .region: "REGION"
        case .accountId: "ACCOUNT_ID"
        }
    }
}
