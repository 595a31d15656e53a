/// A check a step declares in its front matter; `LabChecks` turns the name into AWS calls.
public struct CheckDeclaration: Sendable {
    /// A name from `CheckCatalog`, such as `sqs.dead-letter-queue`.
    public let name: String
    public let arguments: [String: CheckArgument]
    /// False where the sandbox emulator cannot answer (App Mesh virtual services, ECS Service Connect).
    public let isSupportedByEmulator: Bool
    /// One line for the page saying what will be looked at, with the learner's variables still to fill in.
    public let summary: TextTemplate

    public init(name: String, arguments: [String: CheckArgument], isSupportedByEmulator: Bool, summary: TextTemplate) {
        self.name = name
        self.arguments = arguments
        self.isSupportedByEmulator = isSupportedByEmulator
        self.summary = summary
    }
}

/// A check parameter's value; strings may contain learner variables.
public enum CheckArgument: Sendable {
    case text(TextTemplate)
    case integer(Int)
    case boolean(Bool)
    case list([TextTemplate])
}
