import Foundation
import LabContent

/// A broadcast as HTML: escaped text with a small safe Markdown subset (`**bold**`, `*emphasis*`, `` `code` ``
/// and line breaks). It is escaped before any mark is turned into a tag, so nothing typed can become markup.
enum BroadcastText {
    /// Longer messages get 400 naming this limit.
    static let maximumLength = 1000

    static func html(_ text: String) -> String {
        var html = text.escapedForHTML
        html = replacingPairs(of: "`", in: html, open: "<code>", close: "</code>")
        html = replacingPairs(of: "**", in: html, open: "<strong>", close: "</strong>")
        html = replacingPairs(of: "*", in: html, open: "<em>", close: "</em>")
        return html.replacingOccurrences(of: "\n", with: "<br>")
    }

    /// Turns each complete pair of `mark` into `open`…`close`; a lone mark stays as it was typed.
    private static func replacingPairs(of mark: String, in text: String, open: String, close: String) -> String {
        var parts = text.components(separatedBy: mark)
        guard parts.count >= 3 else { return text }
        var result = parts.removeFirst()
        while parts.count >= 2 {
            let inside = parts.removeFirst()
            let after = parts.removeFirst()
            result += inside.isEmpty ? mark + mark + after : open + inside + close + after
        }
        if let rest = parts.first { result += mark + rest }
        return result
    }
}
