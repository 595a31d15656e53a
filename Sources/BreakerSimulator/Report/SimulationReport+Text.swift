import Foundation

extension SimulationReport {
    /// The series as CSV, one row per second, with the same column names as the JSON series.
    public func makeCSV() -> String {
        var lines = [SeriesBucket.csvColumns.joined(separator: ",")]
        lines.reserveCapacity(series.count + 1)
        for bucket in series { lines.append(bucket.csvFields.joined(separator: ",")) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A short human-readable summary for the terminal; with `comparison`, A and B side by side.
    public func makeTable(comparedWith comparison: SimulationReport? = nil) -> String {
        var rows: [(String, String, String?)] = [
            ("preset", "\(preset), seed \(seed), \(durationSeconds) s", comparison.map { "B: \($0.preset), seed \($0.seed)" })
        ]
        func add(_ label: String, _ value: (SimulationReport) -> String) {
            rows.append((label, value(self), comparison.map(value)))
        }
        func percent(_ count: Int, of report: SimulationReport) -> String {
            report.summary.offered == 0
                ? "\(count)" : "\(count) (\(Self.decimalString(Double(count) * 100 / Double(report.summary.offered))) %)"
        }
        add("offered") { "\($0.summary.offered)" }
        add("succeeded") { percent($0.summary.succeeded, of: $0) }
        add("failed") { percent($0.summary.failed, of: $0) }
        add("timed out") { percent($0.summary.timedOut, of: $0) }
        add("rejected by breaker") { percent($0.summary.rejectedByBreaker, of: $0) }
        add("rejected by bulkhead") { percent($0.summary.rejectedByBulkhead, of: $0) }
        add("downstream calls") { "\($0.summary.downstreamCalls) (\($0.summary.downstreamRetries) retries)" }
        add("amplification") { "\(Self.decimalString($0.summary.amplification))×" }
        add("caller latency p50/p99") {
            "\(Self.milliseconds($0.summary.callerLatencyP50Ms)) / \(Self.milliseconds($0.summary.callerLatencyP99Ms))"
        }
        add("inventory latency p50/p99") {
            "\(Self.milliseconds($0.summary.downstreamLatencyP50Ms)) / \(Self.milliseconds($0.summary.downstreamLatencyP99Ms))"
        }
        add("breaker transitions") { "\($0.summary.transitions)" }
        add("breaker by second") { $0.stateStrip }
        let labelWidth = rows.map(\.0.count).max() ?? 0
        let valueWidth = rows.map(\.1.count).max() ?? 0
        var text = rows.map { label, value, other in
            let padded = label.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
            guard let other else { return "\(padded)  \(value)" }
            return "\(padded)  \(value.padding(toLength: valueWidth, withPad: " ", startingAt: 0))  \(other)"
        }.joined(separator: "\n")
        text += "\n(breaker by second: C closed, O open, H half-open, F forced open, D disabled, M metrics only)\n"
        return text
    }

    /// One letter per second for the breaker's state at the end of that second.
    var stateStrip: String {
        String(
            series.map { bucket -> Character in
                switch bucket.breakerState {
                case "open": "O"
                case "halfOpen": "H"
                case "forcedOpen": "F"
                case "disabled": "D"
                case "metricsOnly": "M"
                default: "C"
                }
            })
    }

    /// Two decimals at most, no trailing zeros: `0.67`, `12`.
    public static func decimalString(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    static func milliseconds(_ value: Double?) -> String {
        value.map { "\(decimalString($0)) ms" } ?? "–"
    }
}

extension SeriesBucket {
    static let csvColumns = [
        "t", "offered", "succeeded", "failed", "timedOut", "rejectedByBreaker", "rejectedByBulkhead",
        "downstreamFirstTries", "downstreamRetries", "failureRate", "slowCallRate", "belowMinimumCalls",
        "callerLatencyP50Ms", "callerLatencyP99Ms", "downstreamLatencyP50Ms", "downstreamLatencyP99Ms", "bulkheadInUse",
        "bulkheadWaiting", "downstreamQueueDepth", "retryTokens", "breakerState",
    ]

    var csvFields: [String] {
        let optional = { (value: Double?) in value.map { SimulationReport.decimalString($0) } ?? "" }
        return [
            "\(t)", "\(offered)", "\(succeeded)", "\(failed)", "\(timedOut)", "\(rejectedByBreaker)", "\(rejectedByBulkhead)",
            "\(downstreamFirstTries)", "\(downstreamRetries)", SimulationReport.decimalString(failureRate),
            SimulationReport.decimalString(slowCallRate), "\(belowMinimumCalls)", optional(callerLatencyP50Ms),
            optional(callerLatencyP99Ms), optional(downstreamLatencyP50Ms), optional(downstreamLatencyP99Ms),
            "\(bulkheadInUse)", "\(bulkheadWaiting)", "\(downstreamQueueDepth)", retryTokens.map(String.init) ?? "",
            breakerState,
        ]
    }
}
