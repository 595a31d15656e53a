/// The learner `labguide check` renders names for: the longest prefix LabGuide hands out, in a long region, so a
/// name that AWS accepts for this learner is accepted for every learner.
struct SampleLearner: Sendable {
    /// `ResourcePrefix.maximumLength` (LabGuideServer) is 20 characters, the most any prefix may have.
    static let builtins: [BuiltinVariable: String] = [
        .prefix: "lg-abcdefghijk-wxyz-", .handle: "abcdefghijk-wxyz", .region: "ap-southeast-2",
        .accountId: "123456789012", .sqsEndpoint: "https://sqs.ap-southeast-2.amazonaws.com",
    ]

    static var prefix: String { builtins[.prefix] ?? "" }

    /// The built-ins above (placeholders for the sandbox's endpoint and keys) and every declared variable.
    let variables: LearnerVariables
    /// Which declared variable renders to a value, for "use {{orderTopic}}" advice; the first declared one wins.
    let variableNamesByValue: [String: String]

    init(declared: [DeclaredVariable]) {
        var variables = LearnerVariables()
        for builtin in BuiltinVariable.allCases {
            variables[builtin.rawValue] = LearnerVariables.Value(Self.builtins[builtin] ?? builtin.placeholder)
        }
        var names: [String: String] = [:]
        for variable in declared {
            let value = variable.template.render(variables)
            variables[variable.name] = LearnerVariables.Value(value)
            if names[value] == nil { names[value] = variable.name }
        }
        self.variables = variables
        self.variableNamesByValue = names
    }
}
