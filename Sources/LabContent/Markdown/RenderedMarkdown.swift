/// Markdown rendered to HTML once at load time, with holes where the learner's variables go.
///
/// `html(_:)` runs on every page request, so it only concatenates prepared strings and escapes the values.
public struct RenderedMarkdown: Sendable {
    enum Segment: Sendable {
        case html(String)
        /// A variable in element text, shown highlighted with its name as a tooltip.
        case textVariable(TextVariable)
        /// A variable inside a tag (a link target, an image's alt text): only the escaped value fits there.
        case attributeVariable(String)
    }

    /// The wrapper tags for one variable in text, escaped and built once.
    struct TextVariable: Sendable {
        let name: String
        let opening: String
        let placeholderOpening: String

        init(name: String) {
            let title = "your \(name)".escapedForHTML
            self.name = name
            self.opening = "<span class=\"var\" title=\"\(title)\">"
            self.placeholderOpening = "<span class=\"var placeholder\" title=\"\(title)\">"
        }
    }

    let segments: [Segment]
    /// The variable names used, in order of first use.
    public let variableNames: [String]
    private let expectedLength: Int

    init(segments: [Segment], variableNames: [String]) {
        self.segments = segments
        self.variableNames = variableNames
        self.expectedLength = segments.reduce(0) { length, segment in
            switch segment {
            case .html(let html): length + html.utf8.count
            case .textVariable(let variable): length + variable.placeholderOpening.utf8.count + 24
            case .attributeVariable: length + 16
            }
        }
    }

    /// Fixed HTML with no variables, for text built in code and for tests that assemble a `Lab` by hand.
    ///
    /// The HTML is used as given: pass only trusted, already escaped markup.
    public init(staticHTML: String) {
        self.init(segments: staticHTML.isEmpty ? [] : [.html(staticHTML)], variableNames: [])
    }

    /// The HTML for one learner; values are escaped, and a variable with no value shows `{{name}}` as a placeholder.
    public func html(_ variables: LearnerVariables) -> String {
        var result = ""
        result.reserveCapacity(expectedLength)
        write(variables) { result += $0 }
        return result
    }

    /// The same HTML handed over piece by piece, so a server can copy it straight into a response buffer.
    public func write(_ variables: LearnerVariables, to output: (String) -> Void) {
        for segment in segments {
            switch segment {
            case .html(let html):
                output(html)
            case .textVariable(let variable):
                let value = variables[variable.name]
                output(value?.isPlaceholder == false ? variable.opening : variable.placeholderOpening)
                output((value?.text ?? "{{\(variable.name)}}").escapedForHTML)
                output("</span>")
            case .attributeVariable(let name):
                output((variables[name]?.text ?? "{{\(name)}}").escapedForHTML)
            }
        }
    }
}
