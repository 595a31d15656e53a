public import LabContent
public import LabStore

/// Everything the routes need, built once at start-up by the CLI (or a test) and shared by every request.
public struct AppDependencies: Sendable {
    public let database: AppDatabase
    public let labs: LabLibrary
    public let renderer: PageRenderer
    /// The sandbox or a real account: decides learners' account ids, keys and endpoints.
    public let target: AWSTarget

    public init(database: AppDatabase, labs: LabLibrary, renderer: PageRenderer, target: AWSTarget = .account(id: nil)) {
        self.database = database
        self.labs = labs
        self.renderer = renderer
        self.target = target
    }
}
