/// A step file cut into its YAML front matter and its Markdown body, with the line where each begins.
struct FrontMatter {
    let yaml: String
    /// Lines before the YAML in the file (the opening `---`), to map YAML lines back to file lines.
    let yamlLineOffset: Int
    let body: String
    /// Lines before the body in the file, to map Markdown lines back to file lines.
    let bodyLineOffset: Int

    /// Splits `text`, or reports why it cannot: the file must start with `---` and the YAML end with `---`.
    static func split(_ text: String, file: SourceFile, log: inout DiagnosticLog) -> FrontMatter? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        guard let first = lines.first, isDelimiter(first) else {
            log.report(file, line: 1, "missing front matter: a step file starts with a line '---', then id and title")
            return nil
        }
        guard let end = lines.indices.dropFirst().first(where: { isDelimiter(lines[$0]) || lines[$0] == "..." }) else {
            log.report(file, line: 1, "front matter is not closed by a line '---'")
            return nil
        }
        return FrontMatter(
            yaml: lines[1..<end].joined(separator: "\n"), yamlLineOffset: 1,
            body: lines[(end + 1)...].joined(separator: "\n"), bodyLineOffset: end + 1)
    }

    private static func isDelimiter(_ line: Substring) -> Bool {
        line.trimmingSpaces() == "---" && line.hasPrefix("---")
    }
}
