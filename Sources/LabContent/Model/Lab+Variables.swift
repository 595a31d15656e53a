extension Lab {
    /// The values a learner's pages are rendered with.
    ///
    /// A built-in that is not known yet (nil) becomes its placeholder, such as `ACCOUNT_ID`, and a declared
    /// variable built from a placeholder is a placeholder too, so the page can mark it as not yet real.
    public func variables(prefix: String?, handle: String?, region: String?, accountId: String?) -> LearnerVariables {
        var variables = LearnerVariables()
        let builtins: [(BuiltinVariable, String?)] = [
            (.prefix, prefix), (.handle, handle), (.region, region), (.accountId, accountId),
        ]
        for (builtin, value) in builtins {
            variables[builtin.rawValue] =
                value.map { LearnerVariables.Value($0) }
                ?? LearnerVariables.Value(builtin.placeholder, isPlaceholder: true)
        }
        for declared in declaredVariables {
            variables[declared.name] = LearnerVariables.Value(
                declared.template.render(variables), isPlaceholder: declared.template.usesPlaceholder(variables))
        }
        return variables
    }
}
