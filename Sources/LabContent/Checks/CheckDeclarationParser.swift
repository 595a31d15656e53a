import Yams

/// Reads the `checks:` of a step's front matter into `CheckDeclaration`s, reporting every bad name and parameter.
struct CheckDeclarationParser {
    let file: SourceFile
    let variables: VariableScope

    func declarations(from nodes: [Node], log: inout DiagnosticLog) -> [CheckDeclaration] {
        nodes.compactMap { declaration(from: $0, log: &log) }
    }

    private func declaration(from node: Node, log: inout DiagnosticLog) -> CheckDeclaration? {
        guard
            let mapping = YAMLMapping.make(
                node, file: file, log: &log, context: "a check", allowedKeys: ["check", "with"],
                requiredKeys: ["check"], ownerLine: node.line),
            let nameEntry = mapping["check"], let name = nameEntry.text(file: file, log: &log)
        else { return nil }
        guard let specification = CheckCatalog.specification(named: name) else {
            log.report(file, line: nameEntry.valueLine, name.withSuggestion(from: CheckCatalog.names, "unknown check '\(name)'"))
            return nil
        }
        let parametersEntry = mapping["with"]
        let parameterNodes: YAMLMapping?
        if let parametersEntry {
            parameterNodes = YAMLMapping.make(
                parametersEntry.value.isNull ? nil : parametersEntry.value, file: file, log: &log,
                context: "the parameters of check '\(name)'",
                allowedKeys: specification.parameters.map(\.name),
                requiredKeys: specification.parameters.filter(\.isRequired).map(\.name), ownerLine: parametersEntry.keyLine,
                wording: YAMLMapping.Wording(
                    missing: { "check '\(name)' is missing the required parameter '\($0)'" },
                    unknown: { "check '\(name)' has no parameter '\($0)'" }))
        } else {
            parameterNodes = nil
            for parameter in specification.parameters where parameter.isRequired {
                log.report(file, line: nameEntry.keyLine, "check '\(name)' is missing the required parameter '\(parameter.name)'")
            }
        }
        var arguments: [String: CheckArgument] = [:]
        var isValid = parameterNodes != nil || parametersEntry == nil
        for entry in parameterNodes?.entries ?? [] {
            guard let parameter = specification.parameter(named: entry.key) else { continue }
            if let argument = argument(entry, parameter: parameter, check: name, log: &log) {
                arguments[entry.key] = argument
            } else {
                isValid = false
            }
        }
        guard isValid else { return nil }
        return CheckDeclaration(
            name: name, arguments: arguments, isSupportedByEmulator: specification.isSupportedByEmulator,
            summary: specification.makeSummary(arguments: arguments))
    }
}
