/// One page of a lab: its Markdown, rendered once at load time, and the checks Verify will run for it.
public struct Step: Sendable, Identifiable {
    public let id: String
    public let title: String
    public let exerciseID: String
    public let estimatedMinutes: Int?
    public let checks: [CheckDeclaration]
    public let body: RenderedMarkdown
    /// The file the step came from, relative to the directory the labs were loaded from.
    public let sourcePath: String

    public init(
        id: String, title: String, exerciseID: String, estimatedMinutes: Int?, checks: [CheckDeclaration],
        body: RenderedMarkdown, sourcePath: String
    ) {
        self.id = id
        self.title = title
        self.exerciseID = exerciseID
        self.estimatedMinutes = estimatedMinutes
        self.checks = checks
        self.body = body
        self.sourcePath = sourcePath
    }
}
