/// Stand-ins for `{{name}}` that pass through Ink untouched, so variables can be located in its HTML output.
///
/// A marker is a private-use character, the variable's number in decimal, and another private-use character:
/// nothing Ink treats as Markdown, escapes or trims. Lab text cannot contain the markers itself because the
/// renderer replaces private-use characters in the source before rendering.
struct VariableMarkers {
    static let start: Unicode.Scalar = "\u{E000}"
    static let end: Unicode.Scalar = "\u{E001}"

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

    /// Source text with any stray marker characters replaced, so authors cannot forge a marker.
    static func sanitize(_ text: some StringProtocol) -> String {
        guard text.unicodeScalars.contains(where: { $0 == start || $0 == end }) else { return String(text) }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == start || $0 == end ? "\u{FFFD}" : $0 }))
    }

    /// Cuts rendered HTML at the markers, noting for each whether it sits in element text or inside a tag.
    ///
    /// Every `<` in the HTML is a real tag: the renderer escapes `<` in lab text and Ink escapes it in code, so
    /// "inside a tag" is simply "after a `<` and before the next `>`".
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
