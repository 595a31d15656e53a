import Resilience

/// Collects what the plots and the summary need while the engine runs: per-second buckets, latency histograms,
/// transitions and (when asked) every attempt.
struct SimulationRecorder {
    var current = SeriesBucket(t: 0)
    var series: [SeriesBucket] = []
    var nextBoundary: Int64 = 1_000_000_000
    var lastEventTime: Int64 = 0
    private var callerThisSecond = LatencyHistogram()
    private var downstreamThisSecond = LatencyHistogram()
    private var callerOverall = LatencyHistogram()
    private var downstreamOverall = LatencyHistogram()
    private(set) var transitions: [TransitionRecord] = []
    private(set) var calls: [CallRecord] = []
    private let maximumRecordedCalls: Int?
    private(set) var totals = SimulationSummary.zero

    init(recordingCallsUpTo maximumRecordedCalls: Int?) {
        self.maximumRecordedCalls = maximumRecordedCalls
    }

    var offered: Int {
        get { totals.offered }
        set { totals.offered = newValue }
    }

    mutating func record(_ transition: CircuitBreakerTransition) {
        transitions.append(
            TransitionRecord(t: Self.seconds(transition.at), from: transition.from.rawValue, to: transition.to.rawValue))
    }

    @inline(__always)
    mutating func noteSent(isRetry: Bool, latency: Int64, inFlight: Int, queueDepth: Int) {
        if isRetry {
            current.downstreamRetries += 1
            totals.downstreamRetries += 1
        } else {
            current.downstreamFirstTries += 1
        }
        totals.downstreamCalls += 1
        downstreamThisSecond.record(nanoseconds: latency)
        if inFlight > current.bulkheadInUse { current.bulkheadInUse = inFlight }
        if queueDepth > current.downstreamQueueDepth { current.downstreamQueueDepth = queueDepth }
    }

    @inline(__always)
    mutating func noteWaiting(_ waiting: Int) {
        if waiting > current.bulkheadWaiting { current.bulkheadWaiting = waiting }
    }

    @inline(__always)
    mutating func noteAttempt(at now: Int64) {
        totals.calls += 1
        lastEventTime = now
    }

    /// Whether attempts are still being listed (asked for, and not past the limit yet).
    var isRecordingCalls: Bool {
        guard let maximumRecordedCalls else { return false }
        return calls.count <= maximumRecordedCalls
    }

    mutating func recordCall(_ slot: RequestSlot, outcome: CallOutcome, at now: Int64) {
        calls.append(
            CallRecord(
                t: Self.seconds(nanoseconds: slot.attemptStart), request: Int(slot.request), attempt: slot.retry.attempt,
                outcome: outcome, state: slot.decisionState.rawValue, reachedDownstream: slot.reachedDownstream,
                latencyMs: Double(now - slot.attemptStart) / 1e6))
    }

    @inline(__always)
    mutating func noteRequestFinished(outcome: CallOutcome, latency: Int64) {
        current.count(outcome)
        totals.count(outcome)
        callerThisSecond.record(nanoseconds: latency)
    }

    mutating func closeBucket(
        breaker: CircuitBreakerSnapshot, retryTokens: Int?, inFlight: Int, waiting: Int, queueDepth: Int
    ) {
        current.failureRate = breaker.failureRate
        current.slowCallRate = breaker.slowCallRate
        current.belowMinimumCalls = breaker.isBelowMinimumNumberOfCalls
        current.breakerState = breaker.state.rawValue
        current.retryTokens = retryTokens
        current.callerLatencyP50Ms = callerThisSecond.percentileMilliseconds(0.5)
        current.callerLatencyP99Ms = callerThisSecond.percentileMilliseconds(0.99)
        current.downstreamLatencyP50Ms = downstreamThisSecond.percentileMilliseconds(0.5)
        current.downstreamLatencyP99Ms = downstreamThisSecond.percentileMilliseconds(0.99)
        callerOverall.merge(callerThisSecond)
        downstreamOverall.merge(downstreamThisSecond)
        callerThisSecond.reset()
        downstreamThisSecond.reset()
        series.append(current)
        current = SeriesBucket(t: series.count)
        current.bulkheadInUse = inFlight
        current.bulkheadWaiting = waiting
        current.downstreamQueueDepth = queueDepth
        nextBoundary += 1_000_000_000
    }

    func makeResult(config: SimulationConfig, simulatedNanoseconds: Int64) -> SimulationResult {
        var summary = totals
        summary.amplification = summary.offered == 0 ? 0 : Double(summary.downstreamCalls) / Double(summary.offered)
        summary.callerLatencyP50Ms = callerOverall.percentileMilliseconds(0.5)
        summary.callerLatencyP99Ms = callerOverall.percentileMilliseconds(0.99)
        summary.downstreamLatencyP50Ms = downstreamOverall.percentileMilliseconds(0.5)
        summary.downstreamLatencyP99Ms = downstreamOverall.percentileMilliseconds(0.99)
        summary.transitions = transitions.count
        summary.downstreamCapacityPerSecond = Double(config.inventory.concurrency) * 1000 / config.inventory.latencyP50Ms
        summary.simulatedSeconds = Double(simulatedNanoseconds) / 1e9
        let isRecordingCalls = maximumRecordedCalls.map { calls.count <= $0 } ?? false
        return SimulationResult(
            summary: summary, series: series, transitions: transitions,
            calls: isRecordingCalls ? calls.sorted { ($0.t, $0.request, $0.attempt) < ($1.t, $1.request, $1.attempt) } : nil)
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return (Double(seconds) + Double(attoseconds) * 1e-18).roundedToMicroseconds
    }

    static func seconds(nanoseconds: Int64) -> Double {
        (Double(nanoseconds) / 1e9).roundedToMicroseconds
    }
}

extension Double {
    /// Keeps JSON short and stable: times are reported to the microsecond.
    var roundedToMicroseconds: Double { (self * 1e6).rounded() / 1e6 }
}

extension SimulationSummary {
    static let zero = SimulationSummary(
        offered: 0, succeeded: 0, failed: 0, timedOut: 0, rejectedByBreaker: 0, rejectedByBulkhead: 0, downstreamCalls: 0,
        downstreamRetries: 0, amplification: 0, transitions: 0, calls: 0, downstreamCapacityPerSecond: 0,
        simulatedSeconds: 0)

    mutating func count(_ outcome: CallOutcome) {
        switch outcome {
        case .succeeded: succeeded += 1
        case .failed: failed += 1
        case .timedOut: timedOut += 1
        case .rejectedByBreaker: rejectedByBreaker += 1
        case .rejectedByBulkhead: rejectedByBulkhead += 1
        }
    }
}

/// What one run produced, before it is wrapped into the API's report.
public struct SimulationResult: Sendable {
    public var summary: SimulationSummary
    public var series: [SeriesBucket]
    public var transitions: [TransitionRecord]
    /// Every attempt, when asked for and the run made no more than the limit; otherwise `nil`.
    public var calls: [CallRecord]?
}
