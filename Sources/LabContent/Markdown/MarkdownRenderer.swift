/// Turns a lab's Markdown into `RenderedMarkdown`, checking it on the way.
///
/// A pre-pass walks the text line by line. It renders fenced code blocks, simulator embeds and `:::` directives
/// itself, and hands the prose between them to Ink after replacing variables with markers, rewriting `step:` and
/// asset links and escaping raw HTML. Ink only ever sees code blocks at the top level (its lists hold one line
/// per item), so cutting the text at fences and directives gives the same structure Ink would build.
struct MarkdownRenderer {
    let context: MarkdownContext
    /// Where the Markdown sits in its file: line 1 of the text is line `1 + file.lineOffset` of the file.
    let file: SourceFile
    var log = DiagnosticLog()
    var markers = VariableMarkers()
    var output = ""
    var proseLines: [String] = []
    var openDirectives: [MarkdownDirective] = []

    init(context: MarkdownContext, file: SourceFile) {
        self.context = context
        self.file = file
    }

    /// Renders `markdown` and returns it with every problem found, located in `file`.
    static func render(_ markdown: String, context: MarkdownContext, file: SourceFile) -> (
        markdown: RenderedMarkdown, diagnostics: [Diagnostic]
    ) {
        var renderer = MarkdownRenderer(context: context, file: file)
        renderer.renderDocument(VariableMarkers.sanitize(markdown))
        let rendered = RenderedMarkdown(
            segments: renderer.markers.segments(of: renderer.output), variableNames: renderer.markers.names)
        return (rendered, renderer.log.diagnostics)
    }

    private mutating func renderDocument(_ markdown: String) {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let lineNumber = index + 1
            if let fence = CodeFence(openingLine: line) {
                flushProse()
                let end = lines[(index + 1)...].firstIndex { fence.isClosed(by: $0) }
                if end == nil {
                    log.report(file, line: lineNumber, "code block is not closed by a line \(fence.marker)")
                }
                let body = Array(lines[(index + 1)..<(end ?? lines.count)])
                if fence.language == "simulator" {
                    renderSimulator(body: body, openingLine: lineNumber)
                } else {
                    renderCodeBlock(fence: fence, body: body, firstLine: lineNumber + 1)
                }
                index = (end ?? lines.count) + 1
                continue
            }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix(":::") {
                flushProse()
                handleDirectiveLine(trimmed.dropFirst(3), lineNumber: lineNumber)
            } else {
                proseLines.append(proseLine(line, lineNumber: lineNumber))
            }
            index += 1
        }
        flushProse()
        for directive in openDirectives.reversed() {
            log.report(file, line: directive.line, "':::\(directive.kind.rawValue)' is not closed by a line ':::'")
            output += directive.closingHTML
        }
        openDirectives = []
    }

    private mutating func handleDirectiveLine(_ rest: Substring, lineNumber: Int) {
        let words = rest.trimmingSpaces()
        guard !words.isEmpty else {
            if let directive = openDirectives.popLast() {
                output += directive.closingHTML
            } else {
                log.report(file, line: lineNumber, "':::' closes no open directive")
            }
            return
        }
        let name = String(words.prefix { !$0.isWhitespace })
        guard let kind = MarkdownDirective.Kind(rawValue: name) else {
            let known = MarkdownDirective.Kind.allCases.map(\.rawValue)
            log.report(
                file, line: lineNumber,
                name.withSuggestion(from: known, "unknown directive ':::\(name)' (use note, tip, warning, hint or solution)"))
            return
        }
        let title = words.dropFirst(name.count).trimmingSpaces()
        let directive = MarkdownDirective(kind: kind, line: lineNumber)
        output += directive.openingHTML(titleHTML: inlineText(title, lineNumber: lineNumber))
        openDirectives.append(directive)
    }

    /// Renders the collected prose with Ink and appends it.
    private mutating func flushProse() {
        defer { proseLines.removeAll(keepingCapacity: true) }
        guard proseLines.contains(where: { !$0.allSatisfy(\.isWhitespace) }) else { return }
        output += InkRendering.html(from: proseLines.joined(separator: "\n"))
    }

    /// Text that is not Markdown (a directive title, a line of code), escaped and with variables as markers.
    mutating func inlineText(_ text: some StringProtocol, lineNumber: Int) -> String {
        let tokens = TemplateScanner.tokens(in: text)
        context.variables.validate(tokens, file: file, firstLine: lineNumber, log: &log)
        var result = ""
        for token in tokens {
            switch token {
            case .text(let literal): result += literal.escapedForHTML
            case .variable(let name, _): result += markers.marker(for: name)
            case .unterminated: break
            }
        }
        return result
    }
}
