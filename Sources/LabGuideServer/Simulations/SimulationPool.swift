public import BreakerSimulator
import Hummingbird
import NIOCore
import NIOPosix
import Resilience
import Synchronization

/// Runs simulations off the request path: on threads of their own, behind a bulkhead, stopped when their client
/// goes away.
///
/// A run is seconds of synchronous CPU at the largest allowed size. On Swift's cooperative pool, where every
/// route runs, two such runs held both cores and `/healthz` took 14 s. Here runs wait for no thread a request
/// needs, at most `maximumConcurrentRuns` run at once (the bulkhead the lab teaches, from `Resilience`), a run
/// that finds the pool full waits up to `maximumWait` and then gets 503 with `Retry-After`, and every run looks
/// every few thousand events whether its client is still there.
public final class SimulationPool: Sendable {
    public struct Configuration: Sendable {
        /// Runs at once; by default half the cores, at least one, so requests always keep a core.
        public var maximumConcurrentRuns: Int
        /// How long a run may wait for a free place before it is refused.
        public var maximumWait: Duration
        /// What `Retry-After` says on a refusal.
        public var retryAfterSeconds: Int

        /// - Parameter maximumConcurrentRuns: nil for half the cores, at least one.
        public init(maximumConcurrentRuns: Int? = nil, maximumWait: Duration = .seconds(2), retryAfterSeconds: Int = 2) {
            let runs = maximumConcurrentRuns ?? max(1, System.coreCount / 2)
            self.maximumConcurrentRuns = max(1, min(runs, SimulationPool.threadCount))
            self.maximumWait = maximumWait
            self.retryAfterSeconds = retryAfterSeconds
        }
    }

    /// The threads every pool in the process shares; each pool's bulkhead bounds its own use of them.
    ///
    /// A process-wide pool is started once and never shut down, which `NIOThreadPool` requires of pools that are
    /// never joined; it is separate from `NIOThreadPool.singleton`, which file serving uses.
    static let threadCount = max(1, System.coreCount)
    private static let threads: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: threadCount)
        pool.start()
        return pool
    }()

    public let configuration: Configuration
    private let bulkhead: Bulkhead<ContinuousClock>

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        bulkhead = Bulkhead(
            maxConcurrentCalls: configuration.maximumConcurrentRuns, maxWait: configuration.maximumWait,
            clock: ContinuousClock())
    }

    /// Runs holding a place now.
    public var runsInFlight: Int { bulkhead.callsInFlight }

    /// Runs `plan` in the pool; nil when it stopped because `isClientGone` answered true or the task was cancelled.
    ///
    /// Throws a 503 with `Retry-After` when the pool stays full, and the plan's own errors (a call list too long).
    public func run(_ plan: SimulationPlan, isClientGone: @escaping @Sendable () -> Bool = { false }) async throws
        -> SimulationReport?
    {
        let isCancelled = CancellationFlag()
        do {
            return try await withTaskCancellationHandler {
                try await bulkhead.execute {
                    try await Self.threads.runIfActive {
                        try plan.run(stoppingWhen: { isCancelled.isSet || isClientGone() })
                    }
                }
            } onCancel: {
                isCancelled.set()
            }
        } catch is CancellationError {
            // Cancelled before a thread took it up: stopped all the same.
            return nil
        } catch is BulkheadFullError {
            throw HTTPError(
                .serviceUnavailable, headers: [.retryAfter: String(configuration.retryAfterSeconds)],
                message: "The simulator is busy with other runs; try again in \(configuration.retryAfterSeconds) s.")
        }
    }
}

/// Set from a task's cancellation handler, read by a run on a pool thread.
private final class CancellationFlag: Sendable {
    private let flag = Atomic(false)
    var isSet: Bool { flag.load(ordering: .relaxed) }
    func set() { flag.store(true, ordering: .relaxed) }
}
