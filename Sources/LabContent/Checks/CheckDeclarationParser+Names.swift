extension CheckDeclarationParser {
    /// Reports a parameter whose value, rendered for the sample learner, is a name AWS would refuse, or an ARN or
    /// URL where the check takes a name; true when the name is fine or cannot be rendered (an unknown variable,
    /// already reported, or no sample learner).
    func checkName(
        _ template: TextTemplate, rule: AWSNameRule, parameter: String, check: String, line: Int,
        log: inout DiagnosticLog
    ) -> Bool {
        guard let sample, template.variableNames.allSatisfy({ sample.variables[$0] != nil }) else { return true }
        let rendered = template.render(sample.variables)
        let start = "parameter '\(parameter)' of \(catalog.noun) '\(check)' renders to '\(rendered)'"
        if let reference = Self.referenceKind(of: rendered) {
            let name = Self.lastComponent(of: rendered)
            let advice = sample.variableNamesByValue[name].map { "use {{\($0)}}" } ?? "write the name alone, '\(name)'"
            log.report(
                file, line: line,
                "\(start), \(reference.article), but it takes \(rule.subject), not \(reference.plural): \(advice)")
            return false
        }
        guard let violation = rule.violation(in: rendered) else { return true }
        log.report(file, line: line, "\(start) (\(rendered.count) characters)\(violation): \(rule.description)")
        return false
    }

    /// "an ARN" or "a URL" when the text is one, which a name parameter never is.
    private static func referenceKind(of text: String) -> (article: String, plural: String)? {
        if text.hasPrefix("arn:") { return ("an ARN", "ARNs") }
        if text.contains("://") { return ("a URL", "URLs") }
        return nil
    }

    /// The name inside an ARN (`…:queue`, `…:role/name`) or a URL (`…/account/queue`).
    private static func lastComponent(of reference: String) -> String {
        let trimmed = reference.hasSuffix("/") ? String(reference.dropLast()) : reference
        let afterColon = trimmed.split(separator: ":", omittingEmptySubsequences: false).last ?? ""
        return String(afterColon.split(separator: "/", omittingEmptySubsequences: false).last ?? afterColon)
    }
}
