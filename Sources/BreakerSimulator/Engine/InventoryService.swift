/// The inventory service: `concurrency` workers serving a FIFO queue, with log-normal service times and the
/// fault schedule.
///
/// Because the queue is first-in first-out and calls are submitted in time order, each call's start time is
/// known on arrival (the earliest moment a worker frees up), so the service needs no events of its own: a call
/// returns its completion time at once. A worker keeps serving a call its caller has given up on.
struct InventoryService {
    struct Response {
        var completion: Int64
        var isError: Bool
    }

    private let medianServiceNanoseconds: Double
    private let serviceTimes: LogNormalTable
    private let queueLimit: Int
    private let errorThreshold: UInt64
    private let outageFailureNanoseconds: Int64
    private let outages: [(start: Int64, end: Int64)]
    private let errorWindows: [(start: Int64, end: Int64, threshold: UInt64)]
    private let latencySpikes: [(start: Int64, end: Int64, extra: Int64)]
    private let random: StatelessRandom
    /// The workers, as the times their calls finish.
    private var workers: WorkerPool
    /// Start times of calls still waiting for a worker (non-decreasing, so a ring of times suffices).
    private let queuedStarts = ManualBuffer<Int64>(capacity: 1024)
    private var queueHead = 0

    init(config: SimulationConfig, seed: UInt64) {
        let inventory = config.inventory
        medianServiceNanoseconds = inventory.latencyP50Ms * 1e6
        serviceTimes = LogNormalTable(medianToP99Ratio: inventory.latencyP99Ms / inventory.latencyP50Ms)
        queueLimit = inventory.queueLimit
        errorThreshold = Self.threshold(percent: inventory.errorPercent)
        outageFailureNanoseconds = Int64(config.fault.outageFailureLatencyMs * 1e6)
        outages = config.fault.outages.map { (Self.nanoseconds($0.startSeconds), Self.nanoseconds($0.endSeconds)) }
        errorWindows = config.fault.errorWindows.map {
            (Self.nanoseconds($0.startSeconds), Self.nanoseconds($0.endSeconds), Self.threshold(percent: $0.errorPercent))
        }
        latencySpikes = config.fault.latencySpikes.map {
            (Self.nanoseconds($0.startSeconds), Self.nanoseconds($0.endSeconds), Int64($0.extraLatencyMs * 1e6))
        }
        random = StatelessRandom(seed: seed)
        workers = WorkerPool(concurrency: inventory.concurrency)
    }

    /// Calls currently waiting for a worker at `now` (after dropping those that have started).
    var queueDepth: Int { queuedStarts.count - queueHead }

    /// Serves attempt `attempt` of request `request`, sent at `now`.
    mutating func call(at now: Int64, request: Int64, attempt: Int) -> Response {
        dropStartedCalls(before: now)
        for outage in outages where now >= outage.start && now < outage.end {
            return Response(completion: now + outageFailureNanoseconds, isError: true)
        }
        let hasFreeWorker = workers.hasFreeWorker(at: now)
        if queueDepth >= queueLimit, !hasFreeWorker {
            return Response(completion: now + 1_000_000, isError: true)  // 503 from a full queue
        }
        let draws = random.draws(request: request, attempt: attempt)
        var service = Int64(medianServiceNanoseconds * serviceTimes.multiplier(draws.latency))
        var threshold = errorThreshold
        for spike in latencySpikes where now >= spike.start && now < spike.end { service += spike.extra }
        for window in errorWindows where now >= window.start && now < window.end {
            threshold = max(threshold, window.threshold)
        }
        // FIFO: without a free worker the call waits for the earliest one to finish.
        let start = workers.assign(at: now, service: service)
        if !hasFreeWorker { queuedStarts.append(start) }
        return Response(completion: start + service, isError: draws.error < threshold)
    }

    private mutating func dropStartedCalls(before now: Int64) {
        guard queueHead < queuedStarts.count else { return }
        while queueHead < queuedStarts.count, queuedStarts[queueHead] <= now { queueHead += 1 }
        if queueHead == queuedStarts.count {
            queuedStarts.count = 0
            queueHead = 0
        } else if queueHead > 4096, queueHead * 2 > queuedStarts.count {
            queuedStarts.removeFirst(queueHead)
            queueHead = 0
        }
    }

    static func nanoseconds(_ seconds: Double) -> Int64 { Int64((seconds * 1e9).rounded()) }

    static func threshold(percent: Double) -> UInt64 {
        percent >= 100 ? UInt64.max : UInt64(min(max(0, percent) / 100 * 0x1p64, 0x1.fffffffffffffp63))
    }
}
