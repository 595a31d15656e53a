/// Splits text into literal runs and `{{name}}` references, remembering the line of each reference.
///
/// The scanner is shared by `TextTemplate`, the Markdown renderer and the validator, so all three agree on what
/// a variable is: `{{` up to the next `}}`, with surrounding spaces ignored; `\{{` is a literal `{{`.
struct TemplateScanner {
    enum Token: Equatable {
        case text(String)
        /// `line` counts from 0 within the scanned text.
        case variable(name: String, line: Int)
        /// A `{{` with no `}}` after it; kept as literal text so rendering still shows something.
        case unterminated(line: Int)
    }

    static func tokens(in source: some StringProtocol) -> [Token] {
        var tokens: [Token] = []
        var literal = ""
        var line = 0
        var index = source.startIndex

        func flushLiteral() {
            if !literal.isEmpty {
                tokens.append(.text(literal))
                literal = ""
            }
        }

        while index < source.endIndex {
            let character = source[index]
            if character == "\\", source[source.index(after: index)...].hasPrefix("{{") {
                literal += "{{"
                index = source.index(index, offsetBy: 3)
                continue
            }
            if character == "{", source[index...].hasPrefix("{{") {
                let nameStart = source.index(index, offsetBy: 2)
                guard let close = source[nameStart...].firstRange(of: "}}") else {
                    flushLiteral()
                    tokens.append(.unterminated(line: line))
                    literal += "{{"
                    index = nameStart
                    continue
                }
                let rawName = source[nameStart..<close.lowerBound]
                flushLiteral()
                tokens.append(.variable(name: rawName.trimmingSpaces(), line: line))
                line += rawName.count { $0.isNewline }
                index = close.upperBound
                continue
            }
            if character.isNewline { line += 1 }
            literal.append(character)
            index = source.index(after: index)
        }
        flushLiteral()
        return tokens
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        var slice = self[...]
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }
}
