/// Every problem found while loading labs, so an author fixes them all in one round instead of one per run.
public struct LabLoadingFailure: Error, Sendable, CustomStringConvertible {
    /// Sorted by path, then line; problems on the same line keep the order they were found in.
    public let diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sortedByLocation()
    }

    /// One `path:line: message` line per problem.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

extension [Diagnostic] {
    /// A stable sort by path and line, so output is the same on every run and every platform.
    func sortedByLocation() -> [Diagnostic] {
        enumerated()
            .sorted { left, right in
                if left.element.path != right.element.path { return left.element.path < right.element.path }
                if left.element.line != right.element.line { return left.element.line < right.element.line }
                return left.offset < right.offset
            }
            .map(\.element)
    }
}
