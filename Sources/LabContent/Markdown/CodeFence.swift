/// The opening line of a fenced code block: three or more backticks or tildes, then the language.
struct CodeFence {
    let character: Character
    let length: Int
    /// How far the fence is indented; the same indentation is removed from the code lines (fences inside lists).
    let indentation: Int
    /// The first word of the info string, such as `bash`; empty when none is given.
    let language: String

    init?(openingLine line: Substring) {
        // Ink skips tabs as well as spaces before a fence, so both count as indentation here too.
        let indentation = line.prefix { $0 == " " || $0 == "\t" }.count
        let rest = line.dropFirst(indentation)
        guard let character = rest.first, character == "`" || character == "~" else { return nil }
        let length = rest.prefix { $0 == character }.count
        guard length >= 3 else { return nil }
        // CommonMark would not open a fence whose info string holds a backtick, but Ink would, and would put
        // the info string into a class attribute as written; taking every such line as a fence keeps Ink out.
        let info = rest.dropFirst(length).trimmingSpaces()
        self.character = character
        self.length = length
        self.indentation = indentation
        self.language = String(info.prefix { !$0.isWhitespace })
    }

    /// The same fence for code written by LabGuide in another language, with no indentation to remove.
    func withLanguage(_ language: String) -> CodeFence {
        CodeFence(character: character, length: length, indentation: 0, language: language)
    }

    private init(character: Character, length: Int, indentation: Int, language: String) {
        self.character = character
        self.length = length
        self.indentation = indentation
        self.language = language
    }

    /// The fence as written, for messages.
    var marker: String {
        String(repeating: character, count: length)
    }

    /// True for a line of at least as many of the same fence characters and nothing else.
    func isClosed(by line: Substring) -> Bool {
        let trimmed = line.trimmingSpaces()
        return trimmed.count >= length && trimmed.allSatisfy { $0 == character }
    }

    /// A code line without the fence's indentation.
    func removingIndentation(_ line: Substring) -> Substring {
        var line = line
        var removed = 0
        while removed < indentation, line.first == " " || line.first == "\t" {
            line = line.dropFirst()
            removed += 1
        }
        return line
    }
}
