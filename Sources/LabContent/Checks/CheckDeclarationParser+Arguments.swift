import Yams

extension CheckDeclarationParser {
    /// One parameter's value, checked against its declared type; text may use learner variables.
    func argument(
        _ entry: YAMLMapping.Entry, parameter: CheckSpecification.Parameter, check: String, log: inout DiagnosticLog
    ) -> CheckArgument? {
        let value = entry.value
        func typeProblem(_ expected: String) -> CheckArgument? {
            log.report(
                file, line: entry.keyLine,
                "parameter '\(entry.key)' of \(catalog.noun) '\(check)' must be \(expected), not \(value.valueDescription)")
            return nil
        }
        switch parameter.type {
        case .text:
            guard let text = textValue(value) else { return typeProblem("text") }
            let parsed = template(text, line: value.line, log: &log)
            if let rule = parameter.nameRule,
                !checkName(parsed, rule: rule, parameter: entry.key, check: check, line: value.line, log: &log)
            {
                return nil
            }
            return .text(parsed)
        case .integer:
            guard case .scalar(let scalar) = value, scalar.tagName == .int, let number = Int(scalar.string) else {
                return typeProblem("an integer")
            }
            return .integer(number)
        case .boolean:
            guard case .scalar(let scalar) = value, scalar.tagName == .bool, let flag = value.bool else {
                return typeProblem("true or false")
            }
            return .boolean(flag)
        case .list:
            guard case .sequence(let items) = value else { return typeProblem("a list") }
            var templates: [TextTemplate] = []
            var namesAreValid = true
            for item in items {
                guard let text = textValue(item) else {
                    log.report(
                        file, line: item.line,
                        "items of parameter '\(entry.key)' of \(catalog.noun) '\(check)' must be text, not \(item.valueDescription)"
                    )
                    return nil
                }
                let parsed = template(text, line: item.line, log: &log)
                if let rule = parameter.nameRule,
                    !checkName(parsed, rule: rule, parameter: entry.key, check: check, line: item.line, log: &log)
                {
                    namesAreValid = false
                }
                templates.append(parsed)
            }
            return namesAreValid ? .list(templates) : nil
        case .oneOf(let choices):
            guard let text = textValue(value), choices.contains(text) else {
                let written = value.valueDescription
                log.report(
                    file, line: entry.keyLine,
                    "parameter '\(entry.key)' of \(catalog.noun) '\(check)' must be one of \(choices.joined(separator: ", ")), not \(written)"
                )
                return nil
            }
            return .text(TextTemplate(text))
        }
    }

    /// Text from a scalar; numbers count as the text written, but booleans and empty values are mistakes.
    private func textValue(_ node: Node) -> String? {
        guard case .scalar(let scalar) = node, !node.isNull, scalar.tagName != .bool || scalar.style != .plain else {
            return nil
        }
        return scalar.string
    }

    private func template(_ text: String, line: Int, log: inout DiagnosticLog) -> TextTemplate {
        let tokens = TemplateScanner.tokens(in: text)
        variables.validate(tokens, file: file, firstLine: line, log: &log)
        return TextTemplate(tokens: tokens)
    }
}
