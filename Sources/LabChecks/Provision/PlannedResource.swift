public import LabContent

/// One `provision:` declaration rendered for a learner: what the provision job creates, records and shows.
public struct PlannedResource: Sendable, Codable, Hashable {
    /// A parameter value with the learner's variables filled in.
    public enum Value: Sendable, Codable, Hashable {
        case text(String)
        case integer(Int)
        case boolean(Bool)
        case list([String])
    }

    /// A kind from `ResourceCatalog` (`ecs.cluster`).
    public let kind: String
    public let name: String
    public let parameters: [String: Value]
    /// "ECS cluster lg-ana-7f3k-cluster".
    public let summary: String
    /// Creation order rank; removal runs the other way.
    public let rank: Int

    public init(kind: String, name: String, parameters: [String: Value], summary: String, rank: Int) {
        self.kind = kind
        self.name = name
        self.parameters = parameters
        self.summary = summary
        self.rank = rank
    }

    func text(_ key: String) -> String? {
        if case .text(let value)? = parameters[key] { return value }
        return nil
    }

    func integer(_ key: String) -> Int? {
        if case .integer(let value)? = parameters[key] { return value }
        return nil
    }

    func list(_ key: String) -> [String]? {
        if case .list(let value)? = parameters[key] { return value }
        return nil
    }
}

/// Turns a lab's `provision:` into the learner's plan.
public enum ProvisionPlan {
    /// Every declaration rendered with `variables`, in dependency order (roles first, the cluster last); declarations
    /// of the same rank keep the order of `lab.yaml`.
    public static func make(for lab: Lab, variables: LearnerVariables) -> [PlannedResource] {
        lab.provision.enumerated()
            .sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }
            .map { resource($0.element, variables: variables) }
    }

    static func resource(_ declaration: ResourceDeclaration, variables: LearnerVariables) -> PlannedResource {
        PlannedResource(
            kind: declaration.kind, name: declaration.name(variables),
            parameters: declaration.arguments.mapValues { PlannedResource.Value($0, variables: variables) },
            summary: declaration.summary.render(variables), rank: declaration.rank)
    }
}
