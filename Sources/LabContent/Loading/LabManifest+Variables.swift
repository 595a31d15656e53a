import Yams

extension LabManifest {
    /// The `variables:` mapping, in order; each value may use the built-ins and the variables above it.
    static func declaredVariables(_ entry: YAMLMapping.Entry, file: SourceFile, log: inout DiagnosticLog)
        -> [DeclaredVariable]
    {
        guard case .mapping(let mapping) = entry.value else {
            log.report(
                file, line: entry.valueLine,
                "'variables' must be a mapping of names to values, not \(entry.value.valueDescription)")
            return []
        }
        let pairs = Array(mapping)
        let builtins = Set(BuiltinVariable.allCases.map(\.rawValue))
        var declared: [DeclaredVariable] = []
        var seen: Set<String> = []
        for (index, pair) in pairs.enumerated() {
            guard let name = pair.key.scalar?.string else {
                log.report(file, line: pair.key.line, "variable names must be text")
                continue
            }
            guard name.isValidVariableName else {
                log.report(
                    file, line: pair.key.line, "invalid variable name '\(name)': use letters and digits, starting with a letter")
                continue
            }
            guard !builtins.contains(name) else {
                log.report(file, line: pair.key.line, "'\(name)' is a built-in variable and cannot be declared")
                continue
            }
            guard seen.insert(name).inserted else {
                log.report(file, line: pair.key.line, "duplicate variable '\(name)'")
                continue
            }
            let valueEntry = YAMLMapping.Entry(key: name, keyLine: pair.key.line, value: pair.value)
            guard let value = valueEntry.text(file: file, log: &log) else { continue }
            let later = Set(pairs[(index + 1)...].compactMap { $0.key.scalar?.string })
            let scope = VariableScope(names: builtins.union(declared.map(\.name)), laterNames: later.subtracting(seen))
            let tokens = TemplateScanner.tokens(in: value)
            scope.validate(tokens, file: file, firstLine: valueEntry.valueLine, log: &log)
            declared.append(DeclaredVariable(name: name, template: TextTemplate(tokens: tokens)))
        }
        return declared
    }
}
