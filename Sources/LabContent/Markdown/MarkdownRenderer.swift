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
                } else if fence.language == "job-panel" {
                    renderJobPanel(body: body, openingLine: lineNumber)
                } else if fence.language == SandboxShell.fenceLanguage {
                    renderSandboxShell(fence: fence, body: body, firstLine: lineNumber + 1)
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
                appendProse(proseLine(line, lineNumber: lineNumber))
            }
            index += 1
        }
        flushProse()
        for directive in openDirectives.reversed() where directive.isRendered {
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
            openDirectives.append(MarkdownDirective(kind: .note, line: lineNumber, isRendered: false))
            return
        }
        let title = words.dropFirst(name.count).trimmingSpaces()
        let directive = MarkdownDirective(kind: kind, line: lineNumber)
        output += directive.openingHTML(titleHTML: inlineMarkdown(title, lineNumber: lineNumber))
        openDirectives.append(directive)
    }

    /// Collects a prepared prose line.
    ///
    /// Ink ends a paragraph at a line that starts with a backtick, so such a line is joined to the text above it,
    /// as CommonMark would read it.
    private mutating func appendProse(_ line: String) {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        if trimmed.first == "`", let previous = proseLines.last, let first = previous.first(where: { $0 != " " }),
            first != "#", first != "|"
        {
            proseLines[proseLines.count - 1] = previous + " " + trimmed
        } else {
            proseLines.append(line)
        }
    }

    /// A directive title as inline Markdown (code spans, emphasis, links), without a paragraph around it.
    private mutating func inlineMarkdown(_ text: String, lineNumber: Int) -> String {
        guard !text.isEmpty else { return "" }
        let html = InkRendering.html(from: proseLine(Substring(text), lineNumber: lineNumber))
        guard html.hasPrefix("<p>"), html.hasSuffix("</p>") else { return inlineText(text, lineNumber: lineNumber) }
        return String(html.dropFirst(3).dropLast(4))
    }

    /// Renders the collected prose with Ink and appends it.
    private mutating func flushProse() {
        defer { proseLines.removeAll(keepingCapacity: true) }
        guard proseLines.contains(where: { !$0.allSatisfy(\.isWhitespace) }) else { return }
        // Ink 0.6 reads past the end of its input when a list is followed by a line of only spaces or tabs, so
        // such lines become empty (they are blank in CommonMark anyway) and the chunk ends with text.
        var markdown = proseLines.map { $0.allSatisfy(\.isWhitespace) ? "" : $0 }.joined(separator: "\n")
        while let last = markdown.last, last.isWhitespace { markdown.removeLast() }
        output += InkRendering.html(from: markdown)
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
