/// Plain text with `{{name}}` variables, parsed once so rendering for a learner is only concatenation.
public struct TextTemplate: Sendable, Equatable {
    enum Segment: Sendable, Equatable {
        case text(String)
        case variable(String)
    }

    let segments: [Segment]

    /// Parses `source`; `\{{` stands for a literal `{{`, and an unterminated `{{` stays as written.
    public init(_ source: String) {
        self.init(tokens: TemplateScanner.tokens(in: source))
    }

    init(tokens: [TemplateScanner.Token]) {
        var segments: [Segment] = []
        for token in tokens {
            switch token {
            case .text(let text): segments.append(.text(text))
            case .variable(let name, _): segments.append(.variable(name))
            case .unterminated: break
            }
        }
        self.init(segments: segments)
    }

    init(segments: [Segment]) {
        var merged: [Segment] = []
        for segment in segments {
            if case .text(let text) = segment, case .text(let previous)? = merged.last {
                merged[merged.count - 1] = .text(previous + text)
            } else if segment != .text("") {
                merged.append(segment)
            }
        }
        self.segments = merged
    }

    /// The variable names the template uses, in order of first use.
    public var variableNames: [String] {
        var seen: Set<String> = []
        return segments.compactMap { segment in
            guard case .variable(let name) = segment, seen.insert(name).inserted else { return nil }
            return name
        }
    }

    /// The text with the learner's values; a placeholder shows its own text, and a variable with no value at all
    /// stays `{{name}}` so the gap is visible rather than silently empty.
    public func render(_ variables: LearnerVariables) -> String {
        var result = ""
        for segment in segments {
            switch segment {
            case .text(let text): result += text
            case .variable(let name): result += variables[name]?.text ?? "{{\(name)}}"
            }
        }
        return result
    }

    /// True when any variable the template uses is a placeholder or has no value.
    public func usesPlaceholder(_ variables: LearnerVariables) -> Bool {
        segments.contains { segment in
            guard case .variable(let name) = segment else { return false }
            return variables[name]?.isPlaceholder ?? true
        }
    }

    /// Joins templates, as the check summaries do with their parameter values.
    static func + (left: TextTemplate, right: TextTemplate) -> TextTemplate {
        TextTemplate(segments: left.segments + right.segments)
    }
}

extension TextTemplate: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self.init(value)
    }
}
