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
    /// Workers with nothing to do; they are interchangeable, so a count is enough.
    private var idleWorkers: Int
    /// When each busy worker is next free: a 4-ary min-heap in the first `busyWorkers` slots (only busy workers, so it
    /// stays small; those done by now leave it lazily, when the next call arrives), preallocated so the hot path never
    /// grows it.
    private let busyUntil: ManualBuffer<Int64>
    private var busyWorkers = 0
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
        idleWorkers = inventory.concurrency
        busyUntil = ManualBuffer(capacity: inventory.concurrency, repeating: 0)
    }

    /// Calls currently waiting for a worker at `now` (after dropping those that have started).
    var queueDepth: Int { queuedStarts.count - queueHead }

    /// Serves attempt `attempt` of request `request`, sent at `now`.
    mutating func call(at now: Int64, request: Int64, attempt: Int) -> Response {
        dropStartedCalls(before: now)
        for outage in outages where now >= outage.start && now < outage.end {
            return Response(completion: now + outageFailureNanoseconds, isError: true)
        }
        // A busy worker done by now takes this call in place (one sift instead of a release and a push).
        let hasFinishedWorker = busyWorkers > 0 && busyUntil.base[0] <= now
        if queueDepth >= queueLimit, idleWorkers == 0, !hasFinishedWorker {
            return Response(completion: now + 1_000_000, isError: true)  // 503 from a full queue
        }
        let draws = random.draws(request: request, attempt: attempt)
        var service = Int64(medianServiceNanoseconds * serviceTimes.multiplier(draws.latency))
        var threshold = errorThreshold
        for spike in latencySpikes where now >= spike.start && now < spike.end { service += spike.extra }
        for window in errorWindows where now >= window.start && now < window.end {
            threshold = max(threshold, window.threshold)
        }
        let start: Int64
        if hasFinishedWorker {
            start = now
            releaseWorkersButTheEarliest(freeBy: now)
            Self.siftDown(start + service, in: busyUntil.base, count: busyWorkers)
        } else if idleWorkers > 0 {
            idleWorkers -= 1
            start = now
            pushBusyWorker(until: start + service)
        } else {
            start = busyUntil.base[0]  // FIFO: the call waits for the earliest worker to free up (all are busy)
            Self.siftDown(start + service, in: busyUntil.base, count: busyWorkers)
            queuedStarts.append(start)
        }
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

    /// Moves the workers whose call has finished by `now` back to the idle pool, except the earliest, which stays
    /// at the root for the caller to give a new call.
    @inline(__always)
    private mutating func releaseWorkersButTheEarliest(freeBy now: Int64) {
        let workers = busyUntil.base
        while busyWorkers > 1, Self.earliestChildOfRoot(in: workers, count: busyWorkers) <= now {
            busyWorkers -= 1
            idleWorkers += 1
            Self.siftDown(workers[busyWorkers], in: workers, count: busyWorkers)
        }
    }

    /// The second-earliest time in the heap: the earliest of the root's children (there must be one).
    @inline(__always)
    private static func earliestChildOfRoot(in workers: UnsafeMutablePointer<Int64>, count: Int) -> Int64 {
        var earliest = workers[1]
        for index in 2..<min(5, count) where workers[index] < earliest { earliest = workers[index] }
        return earliest
    }

    private mutating func pushBusyWorker(until time: Int64) {
        let workers = busyUntil.base
        var child = busyWorkers
        busyWorkers += 1
        while child > 0 {
            let parent = (child - 1) / 4
            guard time < workers[parent] else { break }
            workers[child] = workers[parent]
            child = parent
        }
        workers[child] = time
    }

    /// Puts `time` at the root of the heap in `workers[0..<count]` and sifts it down to its place.
    @inline(__always)
    private static func siftDown(_ time: Int64, in workers: UnsafeMutablePointer<Int64>, count: Int) {
        var parent = 0
        while true {
            let first = 4 * parent + 1
            if first >= count { break }
            var child = first
            var earliest = workers[first]
            if first + 3 < count {
                // All four children exist: pick the earliest without branches the CPU would mispredict.
                let left = workers[first + 1] < earliest ? first + 1 : first
                let leftTime = workers[left]
                let right = workers[first + 3] < workers[first + 2] ? first + 3 : first + 2
                let rightTime = workers[right]
                child = rightTime < leftTime ? right : left
                earliest = rightTime < leftTime ? rightTime : leftTime
            } else {
                var candidate = first + 1
                while candidate < count {
                    if workers[candidate] < earliest {
                        child = candidate
                        earliest = workers[candidate]
                    }
                    candidate += 1
                }
            }
            guard earliest < time else { break }
            workers[parent] = earliest
            parent = child
        }
        workers[parent] = time
    }

    static func nanoseconds(_ seconds: Double) -> Int64 { Int64((seconds * 1e9).rounded()) }

    static func threshold(percent: Double) -> UInt64 {
        percent >= 100 ? UInt64.max : UInt64(min(max(0, percent) / 100 * 0x1p64, 0x1.fffffffffffffp63))
    }
}
