extension SimulationPreset {
    /// Every preset, in the order the simulator lists them.
    public static let all: [SimulationPreset] = [
        inventoryOutage, slowInventory, flapping, retryStorm, halfOpenHerd,
    ]

    /// Inventory is down from 20 s to 40 s.
    static let inventoryOutage = SimulationPreset(
        id: "inventory-outage",
        title: "Inventory outage (down from 20 s to 40 s)",
        explanation: """
            The inventory service is down from 20 s to 40 s: every call fails fast. Watch the failure rate cross \
            its 50 % line a moment after 20 s and the breaker open: from then on calls are short-circuited (blue) \
            instead of reaching inventory, and the downstream load drops to a trickle of half-open probes every 5 s.

            After 40 s the next probes succeed and the breaker closes. Compare with B (breaker disabled): the same \
            requests fail either way, but without the breaker every one of them and its retries still hits inventory.
            """,
        config: SimulationConfig(fault: FaultConfig(outages: [FaultWindow(startSeconds: 20, endSeconds: 40)])),
        durationSeconds: 60, seed: 42, compareOverrides: ["breaker.enabled": .bool(false)])

    /// Inventory slows down without failing: slow calls trip the breaker.
    static let slowInventory = SimulationPreset(
        id: "slow-inventory",
        title: "Slow inventory (latency spike from 20 s to 40 s)",
        explanation: """
            From 20 s to 40 s every inventory call takes 400 ms longer. Nothing fails: inventory still has the \
            capacity. But the calls now hold the order service's bulkhead slots four times longer, so the bulkhead \
            fills up and starts rejecting, and the slow-call rate (calls over 300 ms) climbs past its 80 % line \
            and opens the breaker: callers get a fast answer instead of waiting.

            Watch bulkhead occupancy, caller latency against downstream latency, and the slow-call rate. Compare \
            with B (breaker disabled): every caller waits the extra 400 ms, or is turned away by the full bulkhead.
            """,
        config: SimulationConfig(
            inventory: InventoryConfig(concurrency: 100),
            fault: FaultConfig(latencySpikes: [LatencySpike(startSeconds: 20, endSeconds: 40, extraLatencyMs: 400)]),
            breaker: BreakerConfig(slowCallRateThreshold: 80, slowCallDurationMs: 300)),
        durationSeconds: 60, seed: 42, compareOverrides: ["breaker.enabled": .bool(false)])

    /// Inventory flaps: short bursts of errors every 10 s.
    static let flapping = SimulationPreset(
        id: "flapping",
        title: "Flapping inventory (error bursts every 10 s)",
        explanation: """
            Inventory alternates between healthy and a burst of 70 % errors for 4 s out of every 10 s. Watch the \
            state band: the breaker opens on each burst, probes after 3 s, and closes or re-opens depending on \
            whether the probes land inside the burst.

            A count-based window reacts within a few calls; try breaker.slidingWindowType=timeBased with a 10 s \
            window, or a higher minimumNumberOfCalls, and see how much of each burst gets through before it opens.
            """,
        config: SimulationConfig(
            fault: FaultConfig(
                errorWindows: stride(from: 10.0, to: 120, by: 10).map {
                    ErrorWindow(startSeconds: $0, endSeconds: $0 + 4, errorPercent: 70)
                }),
            breaker: BreakerConfig(waitDurationInOpenMs: 3000, permittedCallsInHalfOpen: 3)),
        durationSeconds: 60, seed: 7,
        compareOverrides: ["breaker.slidingWindowType": .string("timeBased"), "breaker.slidingWindowSize": .number(10)])

    /// Retries without jitter and without a breaker push inventory past its capacity and keep it there.
    static let retryStorm = SimulationPreset(
        id: "retry-storm",
        title: "Retry storm (no jitter, no breaker, capacity limit)",
        explanation: """
            Inventory can serve about 330 calls a second (10 workers, 30 ms each) and gets 250. A 5 s latency spike \
            at 20 s makes calls time out; every timeout is retried up to 3 more times, at the same fixed delays, so \
            the retries arrive in waves and downstream load jumps to several times the offered load.

            Watch the downstream load split into first tries and retries against the capacity line, and the \
            amplification factor: the storm outlives the spike (nothing succeeds after 20 s) because inventory \
            spends its capacity on calls its callers already gave up on, and every give-up sends another retry. \
            Compare with B (breaker on, full jitter, retry budget).
            """,
        config: SimulationConfig(
            load: LoadConfig(requestsPerSecond: 250),
            inventory: InventoryConfig(concurrency: 10, latencyP50Ms: 30, latencyP99Ms: 60),
            fault: FaultConfig(latencySpikes: [LatencySpike(startSeconds: 20, endSeconds: 25, extraLatencyMs: 300)]),
            timeout: TimeoutConfig(durationMs: 300),
            retry: RetryConfig(maxAttempts: 4, jitter: "none", baseDelayMs: 100, maxDelayMs: 400),
            bulkhead: BulkheadConfig(enabled: false),
            breaker: BreakerConfig(enabled: false)),
        durationSeconds: 60, seed: 42,
        compareOverrides: [
            "breaker.enabled": .bool(true), "retry.jitter": .string("full"), "retry.budgetEnabled": .bool(true),
        ])

    /// Too many half-open probes hit a service that is still warming up.
    static let halfOpenHerd = SimulationPreset(
        id: "half-open-herd",
        title: "Half-open herd (100 probes at a warming-up service)",
        explanation: """
            Inventory is down from 20 s to 30 s and then warms up until 45 s (+400 ms per call, 8 workers). Each \
            time the breaker half-opens it lets 100 probes through: they pile into inventory's queue, turn slow or \
            time out, and re-open the breaker, and inventory keeps working through that backlog after its callers \
            gave up. So the breaker keeps flipping for several seconds after the service has recovered.

            Watch the state band after 45 s and the downstream queue depth. Compare with B \
            (permittedCallsInHalfOpen=3): a handful of probes decide just as well without burying the service.
            """,
        config: SimulationConfig(
            inventory: InventoryConfig(concurrency: 8, latencyP50Ms: 25, latencyP99Ms: 60),
            fault: FaultConfig(
                outages: [FaultWindow(startSeconds: 20, endSeconds: 30)],
                latencySpikes: [LatencySpike(startSeconds: 30, endSeconds: 45, extraLatencyMs: 400)]),
            timeout: TimeoutConfig(durationMs: 800),
            retry: RetryConfig(maxAttempts: 2),
            breaker: BreakerConfig(
                slowCallRateThreshold: 50, slowCallDurationMs: 500, waitDurationInOpenMs: 2000,
                permittedCallsInHalfOpen: 100)),
        durationSeconds: 90, seed: 42, compareOverrides: ["breaker.permittedCallsInHalfOpen": .number(3)])
}
