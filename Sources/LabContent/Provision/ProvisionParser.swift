import Yams

/// Reads `provision:` with the check machinery and the resource catalog, then checks what only a rendered name can
/// show: that AWS would accept each name for a learner with the longest prefix LabGuide hands out.
struct ProvisionParser {
    let file: SourceFile
    let variables: VariableScope
    /// The lab's declared variables, to render names for the sample learner.
    let declaredVariables: [DeclaredVariable]

    func declarations(from entry: YAMLMapping.Entry, log: inout DiagnosticLog) -> [ResourceDeclaration] {
        guard let items = entry.sequence(file: file, log: &log) else { return [] }
        let sampleLearner = SampleLearner(declared: declaredVariables)
        let parser = CheckDeclarationParser(file: file, variables: variables, catalog: .resources, sample: sampleLearner)
        let sample = sampleLearner.variables
        var declarations: [ResourceDeclaration] = []
        var namesSeen: [String: Int] = [:]
        for item in items {
            guard let parsed = parser.parse(item, log: &log),
                let resource = ResourceCatalog.specification(named: parsed.specification.name)
            else { continue }
            var isValid = true
            let given = resource.requiredTogether.filter { parsed.arguments[$0] != nil }
            if !given.isEmpty && given.count < resource.requiredTogether.count {
                let missing = resource.requiredTogether.filter { parsed.arguments[$0] == nil }
                log.report(
                    file, line: parsed.line,
                    "resource '\(resource.kind)' has '\(given.joined(separator: "', '"))' but not '\(missing.joined(separator: "', '"))': give both or neither"
                )
                isValid = false
            }
            let ownName = parsed.arguments[resource.nameParameter]?.text(sample) ?? ""
            if isValid, !ownName.hasPrefix(SampleLearner.prefix) {
                log.report(
                    file, line: parsed.lines[resource.nameParameter] ?? parsed.line,
                    "the name of resource '\(resource.kind)' must start with {{prefix}}, or cleanup would never remove it")
                isValid = false
            }
            guard isValid else { continue }
            let declaration = ResourceDeclaration(
                kind: resource.kind, arguments: parsed.arguments,
                summary: resource.declaration.makeSummary(arguments: parsed.arguments),
                nameParameter: resource.nameParameter, rank: resource.rank)
            let key = "\(resource.kind) \(declaration.name(sample))"
            if let earlier = namesSeen[key] {
                log.report(
                    file, line: parsed.line,
                    "resource '\(resource.kind)' '\(declaration.name(sample))' is already declared on line \(earlier + file.lineOffset)"
                )
                continue
            }
            namesSeen[key] = parsed.line
            declarations.append(declaration)
        }
        return declarations
    }
}
