public import LabContent
public import LabJobs
public import LabStore
public import Prometheus

/// Everything the routes need, built once at start-up by the CLI (or a test) and shared by every request.
public struct AppDependencies: Sendable {
    public let database: AppDatabase
    public let labs: LabLibrary
    public let renderer: PageRenderer
    /// The sandbox or a real account: decides learners' account ids, keys and endpoints.
    public let target: AWSTarget
    /// Each learner's account, keys and endpoint, the same for pages and jobs; nil: a real account with the
    /// configuration's region and account id, and no AWS client (tests).
    public let learnerTargets: LearnerTargets?
    /// The job queue over `database`; its workers run beside the HTTP server in the same `ServiceGroup`.
    public let jobs: JobQueue
    /// Served on `/metrics`: the job queue's figures and anything else registered there.
    public let metrics: PrometheusCollectorRegistry

    public init(
        database: AppDatabase, labs: LabLibrary, renderer: PageRenderer, target: AWSTarget = .account(id: nil),
        learnerTargets: LearnerTargets? = nil, jobs: JobQueue? = nil,
        metrics: PrometheusCollectorRegistry? = nil
    ) {
        self.learnerTargets = learnerTargets
        self.database = database
        self.labs = labs
        self.renderer = renderer
        self.target = target
        self.jobs = jobs ?? JobQueue(database: database, metrics: JobMetrics(registry: PrometheusCollectorRegistry()))
        self.metrics = metrics ?? self.jobs.metrics?.registry ?? PrometheusCollectorRegistry()
    }
}
