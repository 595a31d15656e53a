/// Everything a simulation run needs besides its seed and duration, in the API's camelCase shape.
///
/// The JSON keys are the names the API and the CLI accept as dotted overrides (`breaker.failureRateThreshold`,
/// `fault.outages.0.startSeconds`). Times are milliseconds (`…Ms`) except fault windows, which are seconds
/// from the start of the run.
public struct SimulationConfig: Codable, Sendable, Hashable {
    public var load: LoadConfig
    public var inventory: InventoryConfig
    public var fault: FaultConfig
    public var timeout: TimeoutConfig
    public var retry: RetryConfig
    public var bulkhead: BulkheadConfig
    public var breaker: BreakerConfig

    public init(
        load: LoadConfig = LoadConfig(), inventory: InventoryConfig = InventoryConfig(), fault: FaultConfig = FaultConfig(),
        timeout: TimeoutConfig = TimeoutConfig(), retry: RetryConfig = RetryConfig(),
        bulkhead: BulkheadConfig = BulkheadConfig(), breaker: BreakerConfig = BreakerConfig()
    ) {
        self.load = load
        self.inventory = inventory
        self.fault = fault
        self.timeout = timeout
        self.retry = retry
        self.bulkhead = bulkhead
        self.breaker = breaker
    }
}

/// The clients' traffic into the order service: Poisson arrivals at a steady rate.
public struct LoadConfig: Codable, Sendable, Hashable {
    public var requestsPerSecond: Double

    public init(requestsPerSecond: Double = 200) {
        self.requestsPerSecond = requestsPerSecond
    }
}

/// The inventory service: a fixed number of workers behind a FIFO queue, log-normal service times.
public struct InventoryConfig: Codable, Sendable, Hashable {
    /// Requests served at once; the rest queue (and slow down).
    public var concurrency: Int
    /// Requests that may wait in the queue before the service answers 503 at once.
    public var queueLimit: Int
    public var latencyP50Ms: Double
    public var latencyP99Ms: Double
    /// Background error rate outside any fault window.
    public var errorPercent: Double

    public init(
        concurrency: Int = 20, queueLimit: Int = 1000, latencyP50Ms: Double = 20, latencyP99Ms: Double = 80,
        errorPercent: Double = 0
    ) {
        self.concurrency = concurrency
        self.queueLimit = queueLimit
        self.latencyP50Ms = latencyP50Ms
        self.latencyP99Ms = latencyP99Ms
        self.errorPercent = errorPercent
    }
}

/// The fault schedule: windows in seconds from the start of the run, `[startSeconds, endSeconds)`.
public struct FaultConfig: Codable, Sendable, Hashable {
    /// The service is down: every call fails after `outageFailureLatencyMs` without using a worker.
    public var outages: [FaultWindow]
    /// Extra error rate while the window lasts (calls still use a worker).
    public var errorWindows: [ErrorWindow]
    /// Extra service time while the window lasts (workers stay busy longer, so capacity drops).
    public var latencySpikes: [LatencySpike]
    public var outageFailureLatencyMs: Double

    public init(
        outages: [FaultWindow] = [], errorWindows: [ErrorWindow] = [], latencySpikes: [LatencySpike] = [],
        outageFailureLatencyMs: Double = 5
    ) {
        self.outages = outages
        self.errorWindows = errorWindows
        self.latencySpikes = latencySpikes
        self.outageFailureLatencyMs = outageFailureLatencyMs
    }
}

public struct FaultWindow: Codable, Sendable, Hashable {
    public var startSeconds: Double
    public var endSeconds: Double

    public init(startSeconds: Double, endSeconds: Double) {
        self.startSeconds = startSeconds
        self.endSeconds = endSeconds
    }
}

public struct ErrorWindow: Codable, Sendable, Hashable {
    public var startSeconds: Double
    public var endSeconds: Double
    public var errorPercent: Double

    public init(startSeconds: Double, endSeconds: Double, errorPercent: Double) {
        self.startSeconds = startSeconds
        self.endSeconds = endSeconds
        self.errorPercent = errorPercent
    }
}

public struct LatencySpike: Codable, Sendable, Hashable {
    public var startSeconds: Double
    public var endSeconds: Double
    public var extraLatencyMs: Double

    public init(startSeconds: Double, endSeconds: Double, extraLatencyMs: Double) {
        self.startSeconds = startSeconds
        self.endSeconds = endSeconds
        self.extraLatencyMs = extraLatencyMs
    }
}
