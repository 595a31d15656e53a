public import Foundation

/// Every lab under a directory, parsed, checked and rendered once at start-up.
public struct LabLibrary: Sendable {
    /// In id order.
    public let labs: [Lab]
    private let labIndexByID: [String: Int]

    public init(labs: [Lab]) {
        self.labs = labs.sorted { $0.id < $1.id }
        self.labIndexByID = Dictionary(self.labs.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func lab(id: String) -> Lab? {
        labIndexByID[id].map { labs[$0] }
    }

    /// Loads every folder of `directory` that holds a `lab.yaml`.
    ///
    /// Diagnostic paths start with `directory` as given (`labs/cross-service/lab.yaml` for `labs`), so they
    /// point at the same files from where the command was run. Every problem of every lab is reported, not
    /// only the first.
    public static func load(from directory: URL, options: LabLoadingOptions = .init()) throws(LabLoadingFailure)
        -> LabLibrary
    {
        let displayPath = displayPath(of: directory)
        let fileManager = FileManager.default
        let entries: [String]
        do {
            entries = try fileManager.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw LabLoadingFailure(diagnostics: [
                Diagnostic(path: displayPath, line: 1, message: "cannot read the labs directory")
            ])
        }
        var labs: [Lab] = []
        var log = DiagnosticLog()
        var foundLab = false
        for name in entries.sorted() where !name.hasPrefix(".") {
            let labDirectory = directory.appendingPathComponent(name, isDirectory: true)
            guard fileManager.fileExists(atPath: labDirectory.appendingPathComponent("lab.yaml").path) else { continue }
            foundLab = true
            var loader = LabLoader(directory: labDirectory, displayPath: "\(displayPath)/\(name)", options: options)
            if let lab = loader.load() { labs.append(lab) }
            log.append(contentsOf: loader.log.diagnostics)
        }
        if !foundLab {
            log.report(Diagnostic(path: displayPath, line: 1, message: "no labs found: a lab is a folder holding a lab.yaml"))
        }
        guard log.isEmpty else { throw LabLoadingFailure(diagnostics: log.diagnostics) }
        return LabLibrary(labs: labs)
    }

    /// The directory as the user wrote it, without a trailing slash.
    private static func displayPath(of directory: URL) -> String {
        var path = directory.relativePath
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path.isEmpty ? "." : path
    }
}
