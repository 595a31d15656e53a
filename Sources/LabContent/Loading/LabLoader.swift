import Foundation

/// Loads one lab folder: `lab.yaml`, then every step file's front matter, then the step bodies and checks.
struct LabLoader {
    /// The lab folder.
    let directory: URL
    /// The folder as diagnostics name it (`labs/cross-service`).
    let displayPath: String
    let options: LabLoadingOptions
    var log = DiagnosticLog()

    init(directory: URL, displayPath: String, options: LabLoadingOptions) {
        self.directory = directory
        self.displayPath = displayPath
        self.options = options
    }

    /// The lab, or nil when anything is wrong with it; the problems are in `log`.
    mutating func load() -> Lab? {
        let manifestFile = SourceFile(path: "\(displayPath)/lab.yaml")
        guard let text = readText("lab.yaml", file: manifestFile, line: 1),
            let manifest = LabManifest.read(text, file: manifestFile, log: &log)
        else { return nil }
        let folderName = directory.lastPathComponent
        if let id = manifest.id, id != folderName {
            log.report(manifestFile, line: manifest.idLine, "lab id '\(id)' does not match its folder name '\(folderName)'")
        }
        let sources = readSteps(of: manifest, manifestFile: manifestFile)
        let variables = VariableScope(names: VariableScope.builtins.names.union(manifest.variables.map(\.name)))
        let context = MarkdownContext(
            labID: manifest.id ?? folderName, labDirectory: directory, stepIDs: Set(sources.map(\.id)),
            variables: variables, simulatorPresets: options.simulatorPresets)
        let sample = SampleLearner(declared: manifest.variables)
        let steps = sources.map { makeStep($0, context: context, sample: sample) }
        var provision: [ResourceDeclaration] = []
        if let entry = manifest.provisionEntry {
            provision = ProvisionParser(file: manifestFile, variables: variables, declaredVariables: manifest.variables)
                .declarations(from: entry, log: &log)
        }
        let notice = manifest.notice.map { notice in
            render(notice.markdown, context: context, file: SourceFile(path: manifestFile.path, lineOffset: notice.firstLine - 1))
        }
        guard log.isEmpty, let id = manifest.id, let title = manifest.title, let summary = manifest.summary,
            let estimatedMinutes = manifest.estimatedMinutes, let estimatedCost = manifest.estimatedCost
        else { return nil }
        let exercises = manifest.exercises.compactMap { entry -> Exercise? in
            guard let exerciseID = entry.id, let exerciseTitle = entry.title else { return nil }
            return Exercise(
                id: exerciseID, title: exerciseTitle, summary: entry.summary,
                steps: steps.filter { $0.exerciseID == exerciseID })
        }
        return Lab(
            id: id, title: title, summary: summary, estimatedMinutes: estimatedMinutes, estimatedCost: estimatedCost,
            notice: notice, declaredVariables: manifest.variables, exercises: exercises, directory: directory,
            provision: provision, prices: manifest.prices)
    }

    private mutating func makeStep(_ source: StepSource, context: MarkdownContext, sample: SampleLearner) -> Step {
        let parser = CheckDeclarationParser(file: source.yamlFile, variables: context.variables, sample: sample)
        let checks = parser.declarations(from: source.checkNodes, log: &log)
        let body = render(source.frontMatter.body, context: context, file: source.bodyFile)
        return Step(
            id: source.id, title: source.title, exerciseID: source.exerciseID, estimatedMinutes: source.minutes,
            checks: checks, body: body, sourcePath: source.file.path)
    }

    private mutating func render(_ markdown: String, context: MarkdownContext, file: SourceFile) -> RenderedMarkdown {
        let (rendered, diagnostics) = MarkdownRenderer.render(markdown, context: context, file: file)
        log.append(contentsOf: diagnostics)
        return rendered
    }

    /// Reads a file of the lab folder as UTF-8, reporting at `line` of `file` when it cannot.
    mutating func readText(_ relativePath: String, file: SourceFile, line: Int) -> String? {
        let url = directory.appendingPathComponent(relativePath)
        do {
            let text = try String(contentsOf: url, encoding: .utf8)
            // Some editors start UTF-8 files with a byte order mark; it would hide the front matter's `---`.
            return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        } catch {
            log.report(file, line: line, "cannot read '\(relativePath)' as UTF-8 text")
            return nil
        }
    }
}
