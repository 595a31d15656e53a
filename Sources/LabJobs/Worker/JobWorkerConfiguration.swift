/// How a worker pool runs: its size, its leases, how often it looks for work, and what it keeps.
public struct JobWorkerConfiguration: Sendable {
    /// Jobs run at once by this worker.
    public var workerCount: Int
    /// How long a claim holds a job without a heartbeat; a dead worker's jobs return this long after it died.
    public var leaseDuration: Duration
    /// How often leases are renewed: a third of the lease by default, so two missed beats still keep it.
    public var heartbeatInterval: Duration
    /// How often to look for work when nothing in this process said there is some (jobs enqueued by the CLI).
    public var pollInterval: Duration
    /// How long running jobs may go on after shutdown begins before their leases are given back.
    public var shutdownGracePeriod: Duration
    /// Finished jobs older than this are deleted; nil keeps everything.
    public var retention: Duration?
    /// Kinds never pruned, such as `verify`: the attempts are the learner's evidence.
    public var keptKinds: Set<String>
    /// How often old jobs are pruned.
    public var pruneInterval: Duration

    public init(
        workerCount: Int = 8, leaseDuration: Duration = .seconds(30), heartbeatInterval: Duration? = nil,
        pollInterval: Duration = .seconds(1), shutdownGracePeriod: Duration = .seconds(10),
        retention: Duration? = .seconds(7 * 24 * 3600), keptKinds: Set<String> = ["verify"],
        pruneInterval: Duration = .seconds(3600)
    ) {
        self.workerCount = max(1, workerCount)
        self.leaseDuration = leaseDuration
        self.heartbeatInterval = heartbeatInterval ?? leaseDuration / 3
        self.pollInterval = pollInterval
        self.shutdownGracePeriod = shutdownGracePeriod
        self.retention = retention
        self.keptKinds = keptKinds
        self.pruneInterval = pruneInterval
    }
}
