/// A file being validated: its diagnostic path and where the text being parsed starts inside it.
///
/// Front matter and code blocks are parsed on their own, so their line 1 is not the file's line 1; the offset
/// turns positions inside the parsed text back into lines of the real file.
struct SourceFile {
    let path: String
    /// Added to a 1-based line of the parsed text to get the 1-based line of the file.
    let lineOffset: Int

    init(path: String, lineOffset: Int = 0) {
        self.path = path
        self.lineOffset = lineOffset
    }

    /// The same file, for text that starts `lines` further down.
    func shifted(by lines: Int) -> SourceFile {
        SourceFile(path: path, lineOffset: lineOffset + lines)
    }

    func diagnostic(line: Int, _ message: String) -> Diagnostic {
        Diagnostic(path: path, line: line + lineOffset, message: message)
    }
}

/// Collects problems instead of throwing at the first, so one `labguide check` run reports everything.
struct DiagnosticLog {
    private(set) var diagnostics: [Diagnostic] = []

    var isEmpty: Bool { diagnostics.isEmpty }

    mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    mutating func report(_ file: SourceFile, line: Int, _ message: String) {
        diagnostics.append(file.diagnostic(line: line, message))
    }

    mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }
}
