extension Lab {
    /// The values a learner's pages are rendered with.
    ///
    /// A built-in that is not known yet (nil) becomes its placeholder, such as `ACCOUNT_ID`, and a declared
    /// variable built from a placeholder is a placeholder too, so the page can mark it as not yet real.
    public func variables(prefix: String?, handle: String?, region: String?, accountId: String?) -> LearnerVariables {
        variables(builtins: [.prefix: prefix, .handle: handle, .region: region, .accountId: accountId])
    }

    /// The same from any built-ins, such as the sandbox's endpoint and keys; a missing one is its placeholder.
    ///
    /// `sqsEndpoint` defaults to the region's public SQS endpoint, so queue URLs are right on a real account.
    public func variables(builtins: [BuiltinVariable: String?]) -> LearnerVariables {
        var values = builtins
        if values[.sqsEndpoint] == nil, let region = values[.region] ?? nil {
            values[.sqsEndpoint] = "https://sqs.\(region).amazonaws.com"
        }
        var variables = LearnerVariables()
        for builtin in BuiltinVariable.allCases {
            variables[builtin.rawValue] =
                (values[builtin] ?? nil).map { LearnerVariables.Value($0) }
                ?? LearnerVariables.Value(builtin.placeholder, isPlaceholder: true)
        }
        for declared in declaredVariables {
            variables[declared.name] = LearnerVariables.Value(
                declared.template.render(variables), isPlaceholder: declared.template.usesPlaceholder(variables))
        }
        return variables
    }
}
