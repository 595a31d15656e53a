import Yams

/// `lab.yaml` read and checked: what it says, with the lines needed to report problems found later.
///
/// Fields are optional so that one broken field does not hide the problems of the others.
struct LabManifest {
    struct ExerciseEntry {
        let id: String?
        let idLine: Int
        let title: String?
        let summary: String
        let steps: [StepEntry]
    }

    /// A step file as listed, with the line of the listing.
    struct StepEntry {
        let path: String
        let line: Int
    }

    var id: String?
    var idLine = 1
    var title: String?
    var summary: String?
    var estimatedMinutes: Int?
    var estimatedCost: String?
    /// The notice's Markdown and the file line its first line is on.
    var notice: (markdown: String, firstLine: Int)?
    var variables: [DeclaredVariable] = []
    var exercises: [ExerciseEntry] = []
    /// `provision:`, parsed by the loader once the variables are known.
    var provisionEntry: YAMLMapping.Entry?
    var prices = LabPrices.none

    static let allowedKeys = [
        "id", "title", "summary", "estimatedMinutes", "estimatedCost", "notice", "variables", "prices", "provision",
        "exercises",
    ]
    static let requiredKeys = ["id", "title", "summary", "estimatedMinutes", "estimatedCost", "exercises"]

    /// Reads `lab.yaml`; nil when it cannot be parsed as a mapping at all.
    static func read(_ text: String, file: SourceFile, log: inout DiagnosticLog) -> LabManifest? {
        guard let document = YAMLDocument.parse(text, file: file, log: &log),
            let mapping = YAMLMapping.make(
                document.root, file: file, log: &log, context: "lab.yaml", allowedKeys: allowedKeys,
                requiredKeys: requiredKeys, ownerLine: 1)
        else { return nil }
        var manifest = LabManifest()
        manifest.id = mapping["id"].flatMap { $0.identifier(file: file, log: &log) }
        manifest.idLine = mapping["id"]?.valueLine ?? mapping.line
        manifest.title = mapping["title"].flatMap { $0.text(file: file, log: &log) }
        manifest.summary = mapping["summary"].flatMap { $0.text(file: file, log: &log) }
        manifest.estimatedMinutes = mapping["estimatedMinutes"].flatMap { $0.positiveInteger(file: file, log: &log) }
        manifest.estimatedCost = mapping["estimatedCost"].flatMap { $0.text(file: file, log: &log) }
        if let entry = mapping["notice"], let markdown = entry.text(file: file, log: &log) {
            let isBlock = entry.value.scalar.map { $0.style == .literal || $0.style == .folded } ?? false
            manifest.notice = (markdown, entry.valueLine + (isBlock ? 1 : 0) + file.lineOffset)
        }
        if let entry = mapping["variables"], !entry.value.isNull {
            manifest.variables = declaredVariables(entry, file: file, log: &log)
        }
        if let entry = mapping["prices"] { manifest.prices = prices(entry, file: file, log: &log) }
        manifest.provisionEntry = mapping["provision"]
        if let entry = mapping["exercises"], let items = entry.sequence(file: file, log: &log) {
            if items.isEmpty { log.report(file, line: entry.keyLine, "a lab needs at least one exercise") }
            manifest.exercises = items.compactMap { exercise($0, file: file, log: &log) }
        }
        return manifest
    }

    private static func exercise(_ node: Node, file: SourceFile, log: inout DiagnosticLog) -> ExerciseEntry? {
        guard
            let mapping = YAMLMapping.make(
                node, file: file, log: &log, context: "an exercise", allowedKeys: ["id", "title", "summary", "steps"],
                requiredKeys: ["id", "title", "steps"], ownerLine: node.line)
        else { return nil }
        let id = mapping["id"].flatMap { $0.identifier(file: file, log: &log) }
        var steps: [StepEntry] = []
        if let entry = mapping["steps"], let items = entry.sequence(file: file, log: &log) {
            if items.isEmpty { log.report(file, line: entry.keyLine, "an exercise needs at least one step") }
            for item in items {
                guard case .scalar(let scalar) = item, !item.isNull else {
                    log.report(file, line: item.line, "a step must be the path of a step file, not \(item.valueDescription)")
                    continue
                }
                steps.append(StepEntry(path: scalar.string, line: item.line))
            }
        }
        return ExerciseEntry(
            id: id, idLine: mapping["id"]?.valueLine ?? mapping.line,
            title: mapping["title"].flatMap { $0.text(file: file, log: &log) },
            summary: mapping["summary"].flatMap { $0.text(file: file, log: &log) } ?? "", steps: steps)
    }
}
