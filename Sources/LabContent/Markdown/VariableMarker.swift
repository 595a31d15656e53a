/// Stand-ins for `{{name}}` that pass through Ink untouched, so variables can be located in its HTML output.
///
/// A marker is a private-use character, the variable's number in decimal, and another private-use character:
/// nothing Ink treats as Markdown, escapes or trims. Lab text cannot contain the markers itself because the
/// renderer replaces private-use characters in the source before rendering.
struct VariableMarkers {
    static let start: Unicode.Scalar = "\u{E000}"
    static let end: Unicode.Scalar = "\u{E001}"
    /// Stands for `<` while Ink runs, so Ink never sees anything it could take for HTML.
    static let lessThan: Unicode.Scalar = "\u{E002}"
    /// Stands for `"` while Ink runs, so a quote cannot end an attribute Ink builds from link or image text.
    static let quote: Unicode.Scalar = "\u{E003}"
    private static let reserved: ClosedRange<Unicode.Scalar> = "\u{E000}"..."\u{E00F}"

    private(set) var names: [String] = []
    private var indexByName: [String: Int] = [:]

    /// The marker standing for `name`; the same name always gets the same marker.
    mutating func marker(for name: String) -> String {
        let index: Int
        if let existing = indexByName[name] {
            index = existing
        } else {
            index = names.count
            names.append(name)
            indexByName[name] = index
        }
        return "\(Character(Self.start))\(index)\(Character(Self.end))"
    }

    /// Source text with every line break as `\n` and reserved characters replaced, so authors cannot forge a
    /// marker and the renderer splits lines exactly where Ink does (Ink also breaks at `\r` and `\u{2028}`).
    static func sanitize(_ text: some StringProtocol) -> String {
        guard text.contains(where: { $0.isNewline && $0 != "\n" }) || text.unicodeScalars.contains(where: reserved.contains)
        else { return String(text) }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            if character.isNewline {
                result.append("\n")
            } else if character.unicodeScalars.contains(where: reserved.contains) {
                result.append("\u{FFFD}")
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// Prose text with `<` and `"` replaced by their stand-ins; `segments(of:)` turns them into entities.
    static func protectingMarkup(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "\"") }) else { return text }
        return String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    switch scalar {
                    case "<": lessThan
                    case "\"": quote
                    default: scalar
                    }
                }))
    }

    /// Text with the stand-ins for `<` and `"` turned back, for messages that quote what the author wrote.
    static func restoringMarkup(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    switch scalar {
                    case lessThan: "<"
                    case quote: "\""
                    default: scalar
                    }
                }))
    }

    /// Cuts rendered HTML at the markers, noting for each whether it sits in element text or inside a tag.
    ///
    /// Every `<` in the HTML is a real tag: the renderer replaces `<` in lab text by a stand-in and escapes it in
    /// code it renders itself, so "inside a tag" is simply "after a `<` and before the next `>`".
    func segments(of html: String) -> [RenderedMarkdown.Segment] {
        var segments: [RenderedMarkdown.Segment] = []
        var literal = String.UnicodeScalarView()
        var isInsideTag = false
        var scalars = html.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar {
            case Self.start:
                var digits = ""
                while let next = scalars.next(), next != Self.end { digits.unicodeScalars.append(next) }
                guard let index = Int(digits), names.indices.contains(index) else { continue }
                if !literal.isEmpty {
                    segments.append(.html(String(literal)))
                    literal = String.UnicodeScalarView()
                }
                segments.append(isInsideTag ? .attributeVariable(names[index]) : .textVariable(.init(name: names[index])))
            case Self.lessThan:
                literal.append(contentsOf: "&lt;".unicodeScalars)
            case Self.quote:
                literal.append(contentsOf: "&quot;".unicodeScalars)
            case "<":
                isInsideTag = true
                literal.append(scalar)
            case ">":
                isInsideTag = false
                literal.append(scalar)
            default:
                literal.append(scalar)
            }
        }
        if !literal.isEmpty { segments.append(.html(String(literal))) }
        return segments
    }
}
