extension MarkdownRenderer {
    /// Prepares one line of prose for Ink.
    ///
    /// Variables become markers, link targets are rewritten, and `<` and `"` become stand-ins that end up as
    /// entities: lab Markdown cannot carry raw HTML (it shows as text), and quotes cannot break out of the
    /// attributes Ink builds from link and image text. Ink never sees a `<`, which also keeps it clear of its
    /// loop on an unclosed `<p`. Links inside inline code are left alone; code spans are found the way Ink finds
    /// them, from a backtick to the next one on the same line.
    mutating func proseLine(_ line: Substring, lineNumber: Int) -> String {
        let tokens = TemplateScanner.tokens(in: line)
        context.variables.validate(tokens, file: file, firstLine: lineNumber, log: &log)
        var marked = ""
        for token in tokens {
            switch token {
            case .text(let literal): marked += literal
            case .variable(let name, _): marked += markers.marker(for: name)
            case .unterminated: break
            }
        }
        let protected = VariableMarkers.protectingMarkup(marked)
        if let definition = linkDefinition(in: protected, lineNumber: lineNumber) {
            return definition
        }
        return rewritingLinks(Array(protected), lineNumber: lineNumber)
    }

    private mutating func rewritingLinks(_ characters: [Character], lineNumber: Int) -> String {
        var result = ""
        var index = 0
        var isInCode = false
        while index < characters.count {
            let character = characters[index]
            if character == "`" {
                isInCode = isInCode ? false : characters[(index + 1)...].contains("`")
                result.append(character)
                index += 1
                continue
            }
            if isInCode {
                result.append(character)
                index += 1
                continue
            }
            switch character {
            case "]" where index + 1 < characters.count && characters[index + 1] == "(":
                if let close = closingParenthesis(in: characters, after: index + 1) {
                    let target = String(characters[(index + 2)..<close])
                    result += "](" + linkTarget(target, lineNumber: lineNumber) + ")"
                    index = close + 1
                    continue
                }
                result.append(character)
            default:
                result.append(character)
            }
            index += 1
        }
        return result
    }

    /// The index of the `)` that closes the `(` at `openIndex`, balancing nested parentheses as Ink does.
    private func closingParenthesis(in characters: [Character], after openIndex: Int) -> Int? {
        var depth = 0
        for index in (openIndex + 1)..<characters.count {
            switch characters[index] {
            case "(": depth += 1
            case ")":
                if depth == 0 { return index }
                depth -= 1
            default: break
            }
        }
        return nil
    }

    /// A reference definition such as `[docs]: https://…`, with its target rewritten like an inline link's.
    private mutating func linkDefinition(in line: String, lineNumber: Int) -> String? {
        let trimmed = line.drop { $0 == " " }
        guard trimmed.first == "[", let close = trimmed.firstIndex(of: "]"),
            trimmed[trimmed.index(after: close)...].first == ":"
        else { return nil }
        let label = trimmed[...close]
        let target = trimmed[trimmed.index(close, offsetBy: 2)...].trimmingSpaces()
        return String(label) + ": " + linkTarget(target, lineNumber: lineNumber)
    }
}
