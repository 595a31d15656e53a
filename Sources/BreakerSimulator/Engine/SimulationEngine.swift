import Resilience

/// The discrete-event loop: clients → order service (retry, breaker, timeout, bulkhead) → inventory service,
/// on a virtual clock in nanoseconds, driving the real `Resilience` state machines synchronously.
///
/// Everything is a value type and the loop has no `async`, closures or per-event allocation, so one core runs
/// millions of attempts a second; the same seed and config always give the same run.
struct SimulationEngine {
    let config: SimulationConfig
    let durationNanoseconds: Int64
    let maximumRecordedCalls: Int?
    var events: EventQueue
    var inventory: InventoryService
    var breaker: CircuitBreakerStateMachine
    var bulkhead: BulkheadStateMachine?
    var retryPolicy: RetryPolicy?
    var budget: RetryBudget?
    var arrivals: ArrivalSchedule
    var jitter: SeededRandomNumberGenerator
    let timeoutNanoseconds: Int64?
    let bulkheadWaitNanoseconds: Int64
    let slots = RequestSlots()
    let freeSlots = ManualBuffer<Int32>(capacity: 1024)
    /// Arrivals come from their own schedule, kept out of the event queue (a third fewer queue operations).
    var nextArrival: Int64 = .max
    var nextRequest: Int64 = 0
    var nextSerial: UInt32 = 0
    var attemptsInFlight = 0
    var recorder: SimulationRecorder

    init(config: SimulationConfig, seed: UInt64, durationSeconds: Int, maximumRecordedCalls: Int?) {
        self.config = config
        self.durationNanoseconds = Int64(durationSeconds) * 1_000_000_000
        self.maximumRecordedCalls = maximumRecordedCalls
        inventory = InventoryService(config: config, seed: seed)
        breaker = CircuitBreakerStateMachine(configuration: config.breaker.makeConfiguration(), now: .zero)
        if !config.breaker.enabled { breaker.transition(to: .disabled, now: .zero) }
        if config.bulkhead.enabled {
            bulkhead = BulkheadStateMachine(
                maxConcurrentCalls: config.bulkhead.maxConcurrentCalls, maxWait: .milliseconds(config.bulkhead.maxWaitMs))
        }
        bulkheadWaitNanoseconds = Int64(config.bulkhead.maxWaitMs * 1e6)
        if config.retry.enabled, config.retry.maxAttempts > 1 {
            retryPolicy = config.retry.makePolicy()
            if config.retry.budgetEnabled { budget = config.retry.makeBudget() }
        }
        arrivals = ArrivalSchedule(
            seed: seed ^ 0x6172_7269_7661_6C73, meanInterarrivalNanoseconds: 1e9 / config.load.requestsPerSecond,
            endNanoseconds: durationNanoseconds)
        jitter = SeededRandomNumberGenerator(seed: seed ^ 0x6A69_7474_6572_0000)
        timeoutNanoseconds = config.timeout.enabled ? Int64(config.timeout.durationMs * 1e6) : nil
        recorder = SimulationRecorder(recordingCallsUpTo: maximumRecordedCalls)
        events = EventQueue(typicalGapNanoseconds: 1e9 / config.load.requestsPerSecond)
    }

    /// How many events pass between two looks at `shouldStop`: often enough to stop within a millisecond or
    /// so, rarely enough that the look costs nothing.
    static let eventsBetweenStopChecks = 4096

    /// Runs until the last request has finished and returns what was recorded, or nil as soon as `shouldStop`
    /// answers true (it is asked every few thousand events) or a call list asked for grows past its limit.
    mutating func run(stoppingWhen shouldStop: () -> Bool = { false }) -> SimulationResult? {
        nextArrival = arrivals.next()
        var eventsUntilStopCheck = Self.eventsBetweenStopChecks
        while true {
            eventsUntilStopCheck -= 1
            if eventsUntilStopCheck == 0 {
                eventsUntilStopCheck = Self.eventsBetweenStopChecks
                if shouldStop() || (maximumRecordedCalls != nil && !recorder.isRecordingCalls) { return nil }
            }
            if nextArrival <= events.earliestTime {
                guard nextArrival < .max else { break }
                let now = nextArrival
                if now >= recorder.nextBoundary { closeBuckets(through: now) }
                arrive(at: now)
                continue
            }
            guard let event = events.next() else { break }
            if event.time >= recorder.nextBoundary { closeBuckets(through: event.time) }
            switch event.kind {
            case .attemptStart: startAttempt(slot: event.slot, at: event.time)
            case .attemptEnd: endAttempt(slot: event.slot, serial: event.serial, at: event.time)
            case .bulkheadExpiry: expireBulkheadWait(slot: event.slot, serial: event.serial, at: event.time)
            }
        }
        let end = max(durationNanoseconds, recorder.lastEventTime)
        closeBuckets(through: (end + 999_999_999) / 1_000_000_000 * 1_000_000_000)
        return recorder.makeResult(config: config, simulatedNanoseconds: end)
    }

    /// Closes every one-second bucket that ends at or before `time`, sampling the breaker, budget and queues.
    private mutating func closeBuckets(through time: Int64) {
        while time >= recorder.nextBoundary {
            let snapshot = breaker.snapshot(now: .nanoseconds(recorder.nextBoundary))
            recorder.closeBucket(
                breaker: snapshot, retryTokens: budget?.tokens, inFlight: attemptsInFlight,
                waiting: bulkhead?.numberOfWaiters ?? 0, queueDepth: inventory.queueDepth)
        }
    }

    private mutating func arrive(at now: Int64) {
        nextArrival = arrivals.next()
        recorder.current.offered += 1
        recorder.offered += 1
        let slot: Int32
        if !freeSlots.isEmpty {
            slot = freeSlots.removeLast()
        } else {
            slot = slots.append()
        }
        slots[Int(slot)].request = nextRequest
        slots[Int(slot)].arrival = now
        slots[Int(slot)].retry = RetryState()
        nextRequest += 1
        startAttempt(slot: slot, at: now)
    }
}
