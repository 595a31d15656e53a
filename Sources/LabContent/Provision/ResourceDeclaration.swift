/// One entry of `provision:` in `lab.yaml`: a resource LabGuide creates for each learner, with its parameters still
/// holding the learner's variables.
public struct ResourceDeclaration: Sendable {
    /// A kind from `ResourceCatalog`, such as `ecs.cluster`.
    public let kind: String
    public let arguments: [String: CheckArgument]
    /// One line for the job's page ("ECS cluster {{cluster}}").
    public let summary: TextTemplate
    /// Where the resource's name is rendered from.
    public let nameParameter: String
    /// Creation order rank from `ResourceCatalog`.
    public let rank: Int

    public init(
        kind: String, arguments: [String: CheckArgument], summary: TextTemplate, nameParameter: String, rank: Int
    ) {
        self.kind = kind
        self.arguments = arguments
        self.summary = summary
        self.nameParameter = nameParameter
        self.rank = rank
    }

    /// The resource's name for a learner.
    public func name(_ variables: LearnerVariables) -> String {
        arguments[nameParameter]?.text(variables) ?? ""
    }
}

extension CheckArgument {
    /// A text argument rendered for a learner; nil for other types.
    public func text(_ variables: LearnerVariables) -> String? {
        if case .text(let template) = self { return template.render(variables) }
        return nil
    }

    /// A list argument rendered for a learner; nil for other types.
    public func list(_ variables: LearnerVariables) -> [String]? {
        if case .list(let templates) = self { return templates.map { $0.render(variables) } }
        return nil
    }

    public var integer: Int? {
        if case .integer(let value) = self { return value }
        return nil
    }
}
