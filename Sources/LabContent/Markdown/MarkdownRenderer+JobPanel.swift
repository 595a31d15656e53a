extension MarkdownRenderer {
    /// The kinds of panel a step may embed with ` ```job-panel ` and the word `provision` or `cleanup`.
    static let jobPanelKinds = ["provision", "cleanup"]

    /// Renders a ` ```job-panel ` block as a placeholder the page script turns into the live panel (start, progress,
    /// log, result); without JavaScript it links to the same panel on the lab overview, whose forms need no script.
    mutating func renderJobPanel(body: [Substring], openingLine: Int) {
        let words = body.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        guard words.count == 1, let kind = words.first.map({ String($0) }), Self.jobPanelKinds.contains(kind) else {
            let found = words.isEmpty ? "nothing" : "'\(words.joined(separator: " "))'"
            log.report(
                file, line: openingLine + 1,
                "a job-panel block holds one word, provision or cleanup (found \(found))")
            return
        }
        let title = kind == "provision" ? "Provision the base infrastructure" : "Clean up everything"
        let overview = "/labs/\(context.labID)#\(kind)"
        output += "<section class=\"job-panel\" data-job-panel=\"\(kind)\" data-lab=\"\(context.labID.escapedForHTML)\">"
        output += "<h3>\(title)</h3><p class=\"job-panel-fallback\">Open the <a href=\"\(overview)\">\(title.lowercased())"
        output += " panel on the lab overview</a>.</p></section>"
    }
}
