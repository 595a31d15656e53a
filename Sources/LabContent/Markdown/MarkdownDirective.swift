/// A `:::name Title` … `:::` block: a callout or a collapsible hint or solution.
struct MarkdownDirective {
    enum Kind: String, CaseIterable {
        case note, tip, warning, hint, solution

        /// The heading shown when the author gives no title.
        var defaultTitle: String {
            switch self {
            case .note: "Note"
            case .tip: "Tip"
            case .warning: "Warning"
            case .hint: "Hint"
            case .solution: "Solution"
            }
        }
    }

    let kind: Kind
    /// The line (of the Markdown text, 1-based) that opened it, for "not closed" messages.
    let line: Int
    /// False for a misspelt directive: already reported, it renders nothing but still pairs with its `:::`.
    var isRendered = true

    /// The opening HTML; `titleHTML` is the escaped title written after the name, if any.
    func openingHTML(titleHTML: String) -> String {
        switch kind {
        case .note, .tip, .warning:
            let title = titleHTML.isEmpty ? kind.defaultTitle : titleHTML
            return "<aside class=\"callout callout-\(kind.rawValue)\" role=\"note\"><p class=\"callout-title\">\(title)</p>"
        case .hint:
            let title = titleHTML.isEmpty ? "Hint" : "Hint: \(titleHTML)"
            return "<details class=\"hint\"><summary>\(title)</summary>"
        case .solution:
            let title = titleHTML.isEmpty ? "Solution" : "Solution: \(titleHTML)"
            return "<details class=\"solution\"><summary>\(title)</summary>"
        }
    }

    var closingHTML: String {
        guard isRendered else { return "" }
        return switch kind {
        case .note, .tip, .warning: "</aside>"
        case .hint, .solution: "</details>"
        }
    }
}
