extension MarkdownRenderer {
    /// Languages whose blocks learners paste into a shell, where a `$ ` prompt would break the copied command.
    static let shellLanguages: Set<String> = ["bash", "sh", "shell", "zsh"]

    /// Renders a code block as a captioned figure; the code has no trailing newline so the copy button copies
    /// exactly the command.
    mutating func renderCodeBlock(fence: CodeFence, body: [Substring], firstLine: Int) {
        let language = fence.language.escapedForHTML
        var code: [String] = []
        for (offset, rawLine) in body.enumerated() {
            let line = fence.removingIndentation(rawLine)
            if Self.shellLanguages.contains(fence.language), line.hasPrefix("$ ") {
                log.report(
                    file, line: firstLine + offset,
                    "remove the '$ ' prompt: the copy button copies the command exactly as written")
            }
            code.append(inlineText(line, lineNumber: firstLine + offset))
        }
        while let last = code.last, last.allSatisfy(\.isWhitespace) { code.removeLast() }
        if language.isEmpty {
            output += "<figure class=\"code\"><pre><code>"
        } else {
            output += "<figure class=\"code\" data-language=\"\(language)\"><figcaption>\(language)</figcaption>"
            output += "<pre><code class=\"language-\(language)\">"
        }
        output += code.joined(separator: "\n")
        output += "</code></pre></figure>"
    }

    /// Renders the sandbox lines as a bash block, so the copy button gives exactly what the sandbox page shows.
    mutating func renderSandboxShell(fence: CodeFence, body: [Substring], firstLine: Int) {
        if body.contains(where: { !$0.allSatisfy(\.isWhitespace) }) {
            log.report(file, line: firstLine, "a sandbox-shell block takes no text: LabGuide writes the lines")
        }
        let lines = SandboxShell.source.split(separator: "\n", omittingEmptySubsequences: false)
        renderCodeBlock(fence: fence.withLanguage("bash"), body: lines, firstLine: firstLine)
    }
}
