public import LabContent

/// One declared check of a step with the learner's variables filled in: what Verify runs and the page lists.
public struct RenderedCheck: Sendable, Codable, Hashable {
    /// Its position among the step's checks, which keys its result on the page and in the store.
    public let index: Int
    /// A name from `CheckCatalog` (`sqs.dead-letter-queue`).
    public let name: String
    public let parameters: [String: PlannedResource.Value]
    /// "queue lg-ana-7f3k-orders has a dead-letter queue lg-ana-7f3k-orders-dlq with maxReceiveCount 3".
    public let summary: String
    public let isSupportedByEmulator: Bool

    public init(
        index: Int, name: String, parameters: [String: PlannedResource.Value], summary: String,
        isSupportedByEmulator: Bool
    ) {
        self.index = index
        self.name = name
        self.parameters = parameters
        self.summary = summary
        self.isSupportedByEmulator = isSupportedByEmulator
    }

    public func text(_ key: String) -> String? {
        if case .text(let value)? = parameters[key] { return value }
        return nil
    }

    public func integer(_ key: String) -> Int? {
        if case .integer(let value)? = parameters[key] { return value }
        return nil
    }

    public func boolean(_ key: String) -> Bool? {
        if case .boolean(let value)? = parameters[key] { return value }
        return nil
    }

    public func list(_ key: String) -> [String]? {
        if case .list(let value)? = parameters[key] { return value }
        return nil
    }
}

/// Turns a step's `checks:` into the learner's checks.
public enum CheckPlan {
    public static func make(for step: Step, variables: LearnerVariables) -> [RenderedCheck] {
        step.checks.enumerated().map { index, declaration in
            RenderedCheck(
                index: index, name: declaration.name,
                parameters: declaration.arguments.mapValues { PlannedResource.Value($0, variables: variables) },
                summary: declaration.summary.render(variables), isSupportedByEmulator: declaration.isSupportedByEmulator)
        }
    }
}

extension PlannedResource.Value {
    /// A declared argument with the learner's variables filled in.
    init(_ argument: CheckArgument, variables: LearnerVariables) {
        switch argument {
        case .text(let template): self = .text(template.render(variables))
        case .integer(let value): self = .integer(value)
        case .boolean(let value): self = .boolean(value)
        case .list(let templates): self = .list(templates.map { $0.render(variables) })
        }
    }
}
