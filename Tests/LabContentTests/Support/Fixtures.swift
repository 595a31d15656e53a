import Foundation

@testable import LabContent

/// Locates the fixture labs next to this file, so tests run from any working directory.
enum Fixtures {
    /// `Tests/LabContentTests`, with symlinks resolved so a package of symlinks finds the real checkout.
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .resolvingSymlinksInPath()

    static let directory = testsDirectory.appendingPathComponent("Fixtures", isDirectory: true)

    /// The repository's own `labs/` folder.
    static let repositoryLabs = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("labs", isDirectory: true)

    /// A fixture labs directory named relative to `Fixtures/`, so diagnostics read `Malformed/x/demo/lab.yaml`.
    static func labsDirectory(_ relativePath: String) -> URL {
        URL(fileURLWithPath: relativePath, relativeTo: directory)
    }

    /// The diagnostics loading `relativePath` produces, as `path:line: message` lines (empty when it loads).
    static func diagnostics(loading relativePath: String) -> [String] {
        do {
            _ = try LabLibrary.load(from: labsDirectory(relativePath))
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// A renderer context for Markdown tests: lab `demo`, the good fixture's assets, two known steps.
    static func markdownContext(declaredVariables: [String] = ["orderTopic"]) -> MarkdownContext {
        MarkdownContext(
            labID: "demo", labDirectory: labsDirectory("Good/demo"), stepIDs: ["welcome", "set-up-shell"],
            variables: VariableScope(names: VariableScope.builtins.names.union(declaredVariables)),
            simulatorPresets: LabLoadingOptions.defaultSimulatorPresets)
    }

    /// Renders Markdown as if it were the body of `steps/x.md` starting on line 5.
    static func render(_ markdown: String) -> (markdown: RenderedMarkdown, diagnostics: [String]) {
        let result = MarkdownRenderer.render(
            markdown, context: markdownContext(), file: SourceFile(path: "demo/steps/x.md", lineOffset: 4))
        return (result.markdown, result.diagnostics.map(\.description))
    }

    /// Values for every built-in plus `orderTopic`.
    static let variables = LearnerVariables([
        "prefix": .init("lg-ana-7f3k-"), "handle": .init("ana-7f3k"), "region": .init("eu-west-1"),
        "accountId": .init("ACCOUNT_ID", isPlaceholder: true), "orderTopic": .init("lg-ana-7f3k-order-events"),
    ])
}

extension Fixtures {
    /// The sub-folders of a fixture folder, sorted.
    static func folders(in relativePath: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: labsDirectory(relativePath).path)
            .filter { !$0.hasPrefix(".") }
            .sorted()
    }
}
