import Yams

/// Reads the `checks:` of a step's front matter into `CheckDeclaration`s, reporting every bad name and parameter;
/// the `provision:` of `lab.yaml` goes through the same code with the resource catalog.
struct CheckDeclarationParser {
    /// Where names are looked up, and how the declarations are worded: step checks or `provision:` resources.
    struct Catalog: Sendable {
        /// `check` or `resource`: the key holding the name, and the word messages use.
        let noun: String
        let key: String
        let names: [String]
        let specification: @Sendable (String) -> CheckSpecification?

        static let checks = Catalog(
            noun: "check", key: "check", names: CheckCatalog.names, specification: CheckCatalog.specification(named:))
        static let resources = Catalog(
            noun: "resource", key: "resource", names: ResourceCatalog.names,
            specification: { ResourceCatalog.specification(named: $0)?.declaration })
    }

    let file: SourceFile
    let variables: VariableScope
    var catalog: Catalog = .checks
    /// The learner names are rendered for, to check them against the parameters' AWS name rules; nil skips that.
    var sample: SampleLearner?

    func declarations(from nodes: [Node], log: inout DiagnosticLog) -> [CheckDeclaration] {
        nodes.compactMap { declaration(from: $0, log: &log) }
    }

    private func declaration(from node: Node, log: inout DiagnosticLog) -> CheckDeclaration? {
        guard let parsed = parse(node, log: &log) else { return nil }
        return CheckDeclaration(
            name: parsed.specification.name, arguments: parsed.arguments,
            isSupportedByEmulator: parsed.specification.isSupportedByEmulator,
            summary: parsed.specification.makeSummary(arguments: parsed.arguments))
    }

    /// One declaration checked against `catalog`: its specification, typed arguments and the line of its name.
    func parse(_ node: Node, log: inout DiagnosticLog) -> (
        specification: CheckSpecification, arguments: [String: CheckArgument], line: Int, lines: [String: Int]
    )? {
        let noun = catalog.noun
        guard
            let mapping = YAMLMapping.make(
                node, file: file, log: &log, context: "a \(noun)", allowedKeys: [catalog.key, "with"],
                requiredKeys: [catalog.key], ownerLine: node.line),
            let nameEntry = mapping[catalog.key], let name = nameEntry.text(file: file, log: &log)
        else { return nil }
        guard let specification = catalog.specification(name) else {
            log.report(file, line: nameEntry.valueLine, name.withSuggestion(from: catalog.names, "unknown \(noun) '\(name)'"))
            return nil
        }
        let parametersEntry = mapping["with"]
        let parameterNodes: YAMLMapping?
        if let parametersEntry {
            parameterNodes = YAMLMapping.make(
                parametersEntry.value.isNull ? nil : parametersEntry.value, file: file, log: &log,
                context: "the parameters of \(noun) '\(name)'",
                allowedKeys: specification.parameters.map(\.name),
                requiredKeys: specification.parameters.filter(\.isRequired).map(\.name), ownerLine: parametersEntry.keyLine,
                wording: YAMLMapping.Wording(
                    missing: { "\(noun) '\(name)' is missing the required parameter '\($0)'" },
                    unknown: { "\(noun) '\(name)' has no parameter '\($0)'" }))
        } else {
            parameterNodes = nil
            for parameter in specification.parameters where parameter.isRequired {
                log.report(
                    file, line: nameEntry.keyLine, "\(noun) '\(name)' is missing the required parameter '\(parameter.name)'")
            }
        }
        var arguments: [String: CheckArgument] = [:]
        var lines: [String: Int] = [:]
        var isValid = parameterNodes != nil || parametersEntry == nil
        for entry in parameterNodes?.entries ?? [] {
            guard let parameter = specification.parameter(named: entry.key) else { continue }
            lines[entry.key] = entry.valueLine
            if let argument = argument(entry, parameter: parameter, check: name, log: &log) {
                arguments[entry.key] = argument
            } else {
                isValid = false
            }
        }
        guard isValid else { return nil }
        return (specification, arguments, nameEntry.keyLine, lines)
    }
}
