public import LabStore
public import Prometheus
import Synchronization

/// The queue's figures on an explicit Prometheus registry: jobs by state, queue latency, duration, attempts, rescues.
///
/// The registry is passed in rather than bootstrapped globally, so every test can build its own.
public final class JobMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    private let stateGauges: [JobState: Gauge]
    private let queueLatency: DurationHistogram
    private let rescuedLeases: Counter
    private let perKind = Mutex<[String: KindMetrics]>([:])

    private struct KindMetrics {
        let duration: DurationHistogram
        let attempts: [String: Counter]
    }

    static let buckets: [Duration] = [
        .milliseconds(1), .milliseconds(5), .milliseconds(25), .milliseconds(100), .milliseconds(500), .seconds(1),
        .seconds(5), .seconds(30), .seconds(120), .seconds(600),
    ]

    public init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
        let jobs = MetricNameDescriptor(
            namespace: "labguide", metricName: "jobs", unitName: "", helpText: "Jobs in the store by state.")
        stateGauges = Dictionary(
            uniqueKeysWithValues: JobState.allCases.map {
                ($0, registry.makeGauge(descriptor: jobs, labels: [("state", $0.rawValue)]))
            })
        queueLatency = registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(
                namespace: "labguide", subsystem: "job", metricName: "queue_latency", unitName: "seconds",
                helpText: "Time from when a job could run to when a worker started it."),
            buckets: Self.buckets)
        rescuedLeases = registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "labguide", subsystem: "job", metricName: "rescued_leases", unitName: "total",
                helpText: "Running jobs whose worker stopped renewing the lease."))
    }

    /// Sets the by-state gauges from the store's counts.
    public func recordStateCounts(_ counts: [JobState: Int]) {
        for (state, gauge) in stateGauges { gauge.set(Double(counts[state] ?? 0)) }
    }

    /// Reads the counts from the store and records them; call it before each scrape.
    public func refresh(from database: AppDatabase) async {
        if let counts = try? await database.jobCountsByState() { recordStateCounts(counts) }
    }

    func recordStarted(waited: Duration) { queueLatency.record(max(.zero, waited)) }

    func recordRescued(_ count: Int) {
        if count > 0 { rescuedLeases.increment(by: Int64(count)) }
    }

    /// One attempt of `kind` ended with `outcome` (`completed`, `failed`, `cancelled`, `released`) after `duration`.
    func recordAttempt(kind: String, outcome: String, duration: Duration) {
        let metrics = perKind.withLock { metrics in
            if let existing = metrics[kind] { return existing }
            let made = makeKindMetrics(kind)
            metrics[kind] = made
            return made
        }
        metrics.duration.record(duration)
        metrics.attempts[outcome]?.increment()
    }

    private func makeKindMetrics(_ kind: String) -> KindMetrics {
        let duration = registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(
                namespace: "labguide", subsystem: "job", metricName: "duration", unitName: "seconds",
                helpText: "How long one attempt ran, by kind."),
            labels: [("kind", kind)], buckets: Self.buckets)
        let attempts = MetricNameDescriptor(
            namespace: "labguide", subsystem: "job", metricName: "attempts", unitName: "total",
            helpText: "Attempts by kind and how they ended.")
        let outcomes = ["completed", "failed", "cancelled", "released"]
        return KindMetrics(
            duration: duration,
            attempts: Dictionary(
                uniqueKeysWithValues: outcomes.map {
                    ($0, registry.makeCounter(descriptor: attempts, labels: [("kind", kind), ("outcome", $0)]))
                }))
    }
}
