import Ink

/// The one configured Ink parser: tables get a scrolling wrapper and raw HTML is escaped.
enum InkRendering {
    /// Ink's parser is a value with no mutable state once configured, so one instance serves every render.
    nonisolated(unsafe) private static let parser = MarkdownParser(modifiers: [
        Modifier(target: .tables) { input in
            "<div class=\"table-wrap\">\(input.html)</div>"
        },
        // The pre-pass already hides every `<` from Ink, so Ink should never find HTML; if it does, show it as text.
        Modifier(target: .html) { input in
            input.markdown.escapedForHTML
        },
        Modifier(target: .images) { input in
            plainAltText(input.html)
        },
    ])

    /// The image tag with tags removed from its alt text.
    ///
    /// Ink renders image text as Markdown (`![a `b`](x)` gives `alt="a <code>b</code>"`), and tags inside an
    /// attribute would also turn a variable there into highlighted markup. Every `<` in Ink's output is a tag,
    /// because the pre-pass hid the author's `<`, so dropping `<…>` leaves the plain text.
    static func plainAltText(_ html: String) -> String {
        guard let altStart = html.firstRange(of: " alt=\""), html.hasSuffix("\"/>") else { return html }
        let alt = html[altStart.upperBound..<html.index(html.endIndex, offsetBy: -3)]
        guard alt.contains("<") else { return html }
        var text = ""
        var isInsideTag = false
        for character in alt {
            switch character {
            case "<": isInsideTag = true
            case ">" where isInsideTag: isInsideTag = false
            default: if !isInsideTag { text.append(character) }
            }
        }
        return html[..<altStart.upperBound] + text.replacingQuotes() + "\"/>"
    }

    static func html(from markdown: String) -> String {
        parser.html(from: markdown)
    }
}

extension String {
    /// Any `"` left in text bound for an attribute, as an entity.
    fileprivate func replacingQuotes() -> String {
        contains("\"") ? split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "&quot;") : self
    }
}
