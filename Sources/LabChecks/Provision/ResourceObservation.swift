/// What `observe` found for one planned resource.
public struct ResourceObservation: Sendable, Codable, Hashable {
    public enum State: String, Sendable, Codable, Hashable {
        case missing
        /// Present and as declared.
        case matching
        /// Present, but some declared detail differs; `differences` says which.
        case differing
    }

    public let state: State
    /// The ARN, URL or id, when the resource exists.
    public let identifier: String?
    /// One line per difference ("inline policy cross-service-task is missing").
    public let differences: [String]

    public init(state: State, identifier: String?, differences: [String] = []) {
        self.state = state
        self.identifier = identifier
        self.differences = differences
    }

    static let missing = ResourceObservation(state: .missing, identifier: nil)

    static func found(_ identifier: String, differences: [String] = []) -> ResourceObservation {
        ResourceObservation(state: differences.isEmpty ? .matching : .differing, identifier: identifier, differences: differences)
    }
}

/// What `ensure` did: a rerun that finds everything in place reports `alreadyPresent` for each and creates nothing.
public enum EnsureOutcome: Sendable, Codable, Hashable {
    case created(identifier: String)
    case alreadyPresent(identifier: String)
    /// It existed but differed, and was changed to match (`changes` says how).
    case converged(identifier: String, changes: [String])

    public var identifier: String {
        switch self {
        case .created(let identifier), .alreadyPresent(let identifier), .converged(let identifier, _): identifier
        }
    }

    /// True when the resource was created by this call, so the ledger should record it as LabGuide's.
    public var isCreated: Bool {
        if case .created = self { return true }
        return false
    }
}
