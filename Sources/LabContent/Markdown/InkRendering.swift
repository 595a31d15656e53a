import Ink

/// The one configured Ink parser: tables get a scrolling wrapper and raw HTML is escaped.
enum InkRendering {
    /// Ink's parser is a value with no mutable state once configured, so one instance serves every render.
    nonisolated(unsafe) private static let parser = MarkdownParser(modifiers: [
        Modifier(target: .tables) { input in
            "<div class=\"table-wrap\">\(input.html)</div>"
        },
        // The pre-pass already turns `<` into `&lt;`, so Ink should never find HTML; if it does, show it as text.
        Modifier(target: .html) { input in
            input.markdown.escapedForHTML
        },
    ])

    static func html(from markdown: String) -> String {
        parser.html(from: markdown)
    }
}
