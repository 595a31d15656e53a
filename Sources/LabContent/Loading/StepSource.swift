import Yams

/// A step file read and its front matter checked, before the whole lab is known.
///
/// Bodies are rendered in a second pass because `step:` links may point at any step of the lab, including
/// later ones.
struct StepSource {
    let id: String
    let title: String
    let minutes: Int?
    let exerciseID: String
    /// The `checks:` items, parsed once the lab's variables are known.
    let checkNodes: [Node]
    let frontMatter: FrontMatter
    /// The whole file as diagnostics name it (line 1 is the opening `---`).
    let file: SourceFile
    /// The file relative to the lab folder, as `lab.yaml` lists it.
    let relativePath: String
    /// The line of the id in the file, for "already used" messages.
    let idLine: Int

    /// The front matter's YAML, whose line 1 is the file's line 2.
    var yamlFile: SourceFile { file.shifted(by: frontMatter.yamlLineOffset) }

    /// The Markdown body, which starts after the closing `---`.
    var bodyFile: SourceFile { file.shifted(by: frontMatter.bodyLineOffset) }

    static let allowedKeys = ["id", "title", "minutes", "checks"]

    /// Reads the front matter of a step file; nil when it is too broken to take part in the lab.
    static func read(
        text: String, file: SourceFile, relativePath: String, exerciseID: String, log: inout DiagnosticLog
    ) -> StepSource? {
        guard let frontMatter = FrontMatter.split(text, file: file, log: &log) else { return nil }
        let yamlFile = file.shifted(by: frontMatter.yamlLineOffset)
        guard let document = YAMLDocument.parse(frontMatter.yaml, file: yamlFile, log: &log),
            let mapping = YAMLMapping.make(
                document.root, file: yamlFile, log: &log, context: "the front matter", allowedKeys: allowedKeys,
                requiredKeys: ["id", "title"], ownerLine: 0)
        else { return nil }
        let id = mapping["id"].flatMap { $0.identifier(file: yamlFile, log: &log) }
        let title = mapping["title"].flatMap { $0.text(file: yamlFile, log: &log) }
        let minutes = mapping["minutes"].map { $0.positiveInteger(file: yamlFile, log: &log) }
        var checkNodes: [Node]? = []
        if let checks = mapping["checks"], !checks.value.isNull {
            checkNodes = checks.sequence(file: yamlFile, log: &log)
        }
        guard let id, let title, let checkNodes, minutes != .some(nil) else { return nil }
        return StepSource(
            id: id, title: title, minutes: minutes ?? nil, exerciseID: exerciseID, checkNodes: checkNodes,
            frontMatter: frontMatter, file: file, relativePath: relativePath,
            idLine: (mapping["id"]?.valueLine ?? 0) + yamlFile.lineOffset)
    }
}
