extension CheckSpecification {
    /// The one-line summary with the declared arguments filled in, still holding the learner's variables.
    func makeSummary(arguments: [String: CheckArgument]) -> TextTemplate {
        var template = fill(summary, with: arguments)
        for parameter in parameters where !parameter.isRequired {
            if let clause = parameter.summaryClause, arguments[parameter.name] != nil {
                template = template + fill(clause, with: arguments)
            }
        }
        return template
    }

    private func fill(_ text: String, with arguments: [String: CheckArgument]) -> TextTemplate {
        var segments: [TextTemplate.Segment] = []
        for token in TemplateScanner.tokens(in: text) {
            switch token {
            case .text(let literal): segments.append(.text(literal))
            case .variable(let name, _): segments += arguments[name]?.template.segments ?? [.text(name)]
            case .unterminated: break
            }
        }
        return TextTemplate(segments: segments)
    }
}

extension CheckArgument {
    /// The argument as text for a summary; lists are joined with commas.
    var template: TextTemplate {
        switch self {
        case .text(let template): template
        case .integer(let number): TextTemplate(segments: [.text(String(number))])
        case .boolean(let value): TextTemplate(segments: [.text(value ? "on" : "off")])
        case .list(let items):
            items.dropFirst().reduce(items.first ?? TextTemplate(segments: [])) { joined, item in
                joined + TextTemplate(segments: [.text(", ")]) + item
            }
        }
    }
}
