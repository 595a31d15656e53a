import Foundation

extension LabLoader {
    /// Reads the front matter of every listed step file, checking paths and the uniqueness of ids.
    mutating func readSteps(of manifest: LabManifest, manifestFile: SourceFile) -> [StepSource] {
        var sources: [StepSource] = []
        var listedPaths: Set<String> = []
        var exerciseIDs: Set<String> = []
        var stepPathByID: [String: String] = [:]
        for exercise in manifest.exercises {
            if let id = exercise.id, !exerciseIDs.insert(id).inserted {
                log.report(manifestFile, line: exercise.idLine, "duplicate exercise id '\(id)'")
            }
            for entry in exercise.steps {
                guard let path = normalizedPath(entry.path) else {
                    log.report(
                        manifestFile, line: entry.line, "step file '\(entry.path)' must be a relative path inside the lab folder")
                    continue
                }
                guard listedPaths.insert(path).inserted else {
                    log.report(manifestFile, line: entry.line, "step file '\(path)' is listed more than once")
                    continue
                }
                guard fileExists(path) else {
                    log.report(manifestFile, line: entry.line, "step file '\(path)' does not exist")
                    continue
                }
                let file = SourceFile(path: "\(displayPath)/\(path)")
                guard let text = readText(path, file: manifestFile, line: entry.line),
                    let source = StepSource.read(
                        text: text, file: file, relativePath: path, exerciseID: exercise.id ?? "", log: &log)
                else { continue }
                if let earlier = stepPathByID[source.id] {
                    log.report(file, line: source.idLine, "step id '\(source.id)' is already used by \(earlier)")
                    continue
                }
                stepPathByID[source.id] = file.path
                sources.append(source)
            }
        }
        return sources
    }

    /// The path without `./` segments, or nil when it is absolute or climbs out of the lab folder.
    private func normalizedPath(_ path: String) -> String? {
        guard !path.hasPrefix("/") else { return nil }
        let components = path.split(separator: "/").filter { $0 != "." }
        guard !components.isEmpty, !components.contains("..") else { return nil }
        return components.joined(separator: "/")
    }

    private func fileExists(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(
            atPath: directory.appendingPathComponent(path).path, isDirectory: &isDirectory)
        return exists && !isDirectory.boolValue
    }
}
