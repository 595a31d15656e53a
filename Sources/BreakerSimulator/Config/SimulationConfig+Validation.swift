extension SimulationConfig {
    /// The most requests one run may offer (rate × duration), so a request cannot pin a core for long.
    public static let maximumOfferedRequests = 5_000_000.0
    public static let durationRange = 1...3600
    /// The most simulated calls (attempts) one API run may need. The work a run costs is its calls, not its duration:
    /// at about a million calls a second on one core, this keeps the largest run to a second or two.
    public static let maximumSimulatedCalls = 2_000_000

    /// The most calls this run can make: every offered request tries at most `retry.maxAttempts` times.
    public func simulatedCallBound(durationSeconds: Int) -> Double {
        let attempts = retry.enabled ? Double(max(1, retry.maxAttempts)) : 1
        return (load.requestsPerSecond * Double(durationSeconds)).rounded(.up) * attempts
    }

    /// Checks every field against its allowed range; throws the first problem, naming the field.
    public func validate(durationSeconds: Int) throws(SimulationConfigError) {
        try Self.check("durationSeconds", Double(durationSeconds), 1, 3600)
        try Self.check("load.requestsPerSecond", load.requestsPerSecond, 0.01, 100_000)
        if load.requestsPerSecond * Double(durationSeconds) > Self.maximumOfferedRequests {
            throw SimulationConfigError(
                field: "load.requestsPerSecond",
                message: "load.requestsPerSecond × durationSeconds must be at most 5000000 requests"
                    + " (got \(Int(load.requestsPerSecond * Double(durationSeconds))))")
        }
        try Self.check("inventory.concurrency", inventory.concurrency, 1, 10_000)
        try Self.check("inventory.queueLimit", inventory.queueLimit, 0, 1_000_000)
        try Self.check("inventory.latencyP50Ms", inventory.latencyP50Ms, 0.1, 60_000)
        try Self.check("inventory.latencyP99Ms", inventory.latencyP99Ms, inventory.latencyP50Ms, 600_000)
        try Self.check("inventory.errorPercent", inventory.errorPercent, 0, 100)
        try validateFaults()
        try Self.check("timeout.durationMs", timeout.durationMs, 1, 600_000)
        try Self.check("retry.maxAttempts", retry.maxAttempts, 1, 10)
        try Self.check("retry.jitter", retry.jitter, Self.jitterNames)
        try Self.check("retry.baseDelayMs", retry.baseDelayMs, 0, 60_000)
        try Self.check("retry.maxDelayMs", retry.maxDelayMs, retry.baseDelayMs, 600_000)
        try Self.check("retry.budgetCapacity", retry.budgetCapacity, 0, 1_000_000)
        try Self.check("retry.retryCost", retry.retryCost, 0, 1000)
        try Self.check("retry.timeoutRetryCost", retry.timeoutRetryCost, 0, 1000)
        try Self.check("retry.successRefund", retry.successRefund, 0, 1000)
        try Self.check("bulkhead.maxConcurrentCalls", bulkhead.maxConcurrentCalls, 1, 10_000)
        try Self.check("bulkhead.maxWaitMs", bulkhead.maxWaitMs, 0, 60_000)
        try Self.check("breaker.failureRateThreshold", breaker.failureRateThreshold, 1, 100)
        try Self.check("breaker.slowCallRateThreshold", breaker.slowCallRateThreshold, 1, 100)
        try Self.check("breaker.slowCallDurationMs", breaker.slowCallDurationMs, 1, 600_000)
        try Self.check("breaker.minimumNumberOfCalls", breaker.minimumNumberOfCalls, 1, 10_000)
        try Self.check("breaker.slidingWindowType", breaker.slidingWindowType, Self.slidingWindowTypes)
        try Self.check(
            "breaker.slidingWindowSize", breaker.slidingWindowSize, 1, breaker.slidingWindowType == "timeBased" ? 3600 : 10_000)
        try Self.check("breaker.waitDurationInOpenMs", breaker.waitDurationInOpenMs, 0, 3_600_000)
        try Self.check("breaker.permittedCallsInHalfOpen", breaker.permittedCallsInHalfOpen, 1, 1000)
    }

    /// Refuses a run whose calls could pass `limit`, naming the limit; the API's runs are held to
    /// ``maximumSimulatedCalls``, the command line's are not.
    public func validateWork(durationSeconds: Int, limit: Int) throws(SimulationConfigError) {
        let bound = simulatedCallBound(durationSeconds: durationSeconds)
        guard bound <= Double(limit) else {
            throw SimulationConfigError(
                field: "simulatedCalls",
                message: "a run may make at most \(limit) simulated calls; this one could make"
                    + " \(Self.format(bound)) (load.requestsPerSecond × durationSeconds × retry.maxAttempts):"
                    + " lower one of them")
        }
    }

    static let jitterNames = ["none", "full", "equal", "decorrelated"]
    static let slidingWindowTypes = ["countBased", "timeBased"]

    private func validateFaults() throws(SimulationConfigError) {
        let windowCount = fault.outages.count + fault.errorWindows.count + fault.latencySpikes.count
        if windowCount > 100 {
            throw SimulationConfigError(field: "fault", message: "fault may hold at most 100 windows (got \(windowCount))")
        }
        for (index, window) in fault.outages.enumerated() {
            try Self.checkWindow("fault.outages.\(index)", window.startSeconds, window.endSeconds)
        }
        for (index, window) in fault.errorWindows.enumerated() {
            try Self.checkWindow("fault.errorWindows.\(index)", window.startSeconds, window.endSeconds)
            try Self.check("fault.errorWindows.\(index).errorPercent", window.errorPercent, 0, 100)
        }
        for (index, window) in fault.latencySpikes.enumerated() {
            try Self.checkWindow("fault.latencySpikes.\(index)", window.startSeconds, window.endSeconds)
            try Self.check("fault.latencySpikes.\(index).extraLatencyMs", window.extraLatencyMs, 0, 600_000)
        }
        try Self.check("fault.outageFailureLatencyMs", fault.outageFailureLatencyMs, 0, 60_000)
    }

    private static func checkWindow(_ field: String, _ start: Double, _ end: Double) throws(SimulationConfigError) {
        try check("\(field).startSeconds", start, 0, 86_400)
        try check("\(field).endSeconds", end, start, 86_400)
    }

    private static func check(_ field: String, _ value: Double, _ lower: Double, _ upper: Double) throws(SimulationConfigError) {
        guard value.isFinite, value >= lower, value <= upper else {
            throw .outOfRange(field, format(value), "between \(format(lower)) and \(format(upper))")
        }
    }

    private static func check(_ field: String, _ value: Int, _ lower: Int, _ upper: Int) throws(SimulationConfigError) {
        guard value >= lower, value <= upper else { throw .outOfRange(field, String(value), "between \(lower) and \(upper)") }
    }

    private static func check(_ field: String, _ value: String, _ allowed: [String]) throws(SimulationConfigError) {
        guard allowed.contains(value) else {
            throw SimulationConfigError(
                field: field, message: "\(field) must be one of \(allowed.joined(separator: ", ")) (got \"\(value)\")")
        }
    }

    static func format(_ value: Double) -> String {
        value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
