import ArgumentParser
import BreakerSimulator
import Foundation

/// `labguide simulate`: runs the breaker simulator from the terminal; `--format json` prints the API's document.
///
/// Every value is read as text and checked here, so a mistake prints one line naming the field and exits non-zero.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run the circuit-breaker simulator on a preset.",
        discussion: """
            Presets: \(SimulationPreset.all.map(\.id).joined(separator: ", ")).
            Config keys for --set: \(SimulationConfig.knownKeys.joined(separator: ", ")).
            Values are JSON (60, true, "timeBased", [{"startSeconds":20,"endSeconds":40}]) or bare words.
            """)

    @Option(help: "The preset to run.")
    var preset: String

    @Option(help: "Random seed (default: the preset's).")
    var seed: String?

    @Option(help: "Simulated seconds, 1 to 3600 (default: the preset's).")
    var duration: String?

    @Option(name: .customLong("set"), help: "Change a config key, e.g. breaker.failureRateThreshold=60 (repeatable).")
    var overrides: [String] = []

    @Option(name: .customLong("compare"), help: "Also run B with these changes on the same seed (repeatable).")
    var comparisonOverrides: [String] = []

    @Option(help: "Output: table, json or csv.")
    var format: String = "table"

    @Flag(help: "Include every attempt in the JSON (runs of at most 20000 calls).")
    var includeCalls = false

    func run() async throws {
        do {
            try execute()
        } catch {
            FileHandle.standardError.write(Data("labguide: \(error.message)\n".utf8))
            throw ExitCode.validationFailure
        }
    }

    private func execute() throws(SimulationConfigError) {
        guard ["table", "json", "csv"].contains(format) else {
            throw SimulationConfigError(field: "format", message: "--format must be one of table, json, csv (got \(format))")
        }
        var request = SimulationRequest(preset: preset, overrides: try Self.parse(overrides), includeCalls: includeCalls)
        if let seed {
            guard let value = UInt64(seed) else {
                throw SimulationConfigError(field: "seed", message: "--seed must be a whole number from 0 (got \(seed))")
            }
            request.seed = value
        }
        if let duration {
            guard let value = Int(duration) else {
                throw SimulationConfigError(
                    field: "durationSeconds",
                    message: "--duration must be a whole number of seconds between 1 and 3600 (got \(duration))")
            }
            request.durationSeconds = value
        }
        let wallClock = ContinuousClock()
        let started = wallClock.now
        let processorStarted = clock_t(clock())
        let report = try Simulator.run(request)
        let processorSeconds = Double(clock_t(clock()) - processorStarted) / Double(CLOCKS_PER_SEC)
        let elapsed = wallClock.now - started
        var comparison: SimulationReport?
        if !comparisonOverrides.isEmpty {
            var requestB = request
            requestB.overrides.merge(try Self.parse(comparisonOverrides)) { _, new in new }
            requestB.seed = report.seed
            comparison = try Simulator.run(requestB)
        }
        switch format {
        case "json": Self.printJSON(report, comparison)
        case "csv": print(report.makeCSV(), terminator: "")
        default:
            print(report.makeTable(comparedWith: comparison), terminator: "")
            let seconds = Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds)
            let rate = processorSeconds > 0 ? Double(report.summary.calls) / processorSeconds : 0
            print(
                "simulated \(report.summary.calls) calls in \(SimulationReport.decimalString(seconds * 1000)) ms"
                    + " (\(SimulationReport.decimalString(processorSeconds * 1000)) ms of CPU: \(Int(rate)) calls/s)")
        }
    }

    /// Parses `key=value` pairs; the value is JSON when it parses as JSON, else a bare string.
    static func parse(_ pairs: [String]) throws(SimulationConfigError) -> [String: ConfigValue] {
        var overrides: [String: ConfigValue] = [:]
        for pair in pairs {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw SimulationConfigError(
                    field: "set", message: "--set expects key=value, such as breaker.enabled=false (got \(pair))")
            }
            let text = String(pair[pair.index(after: equals)...])
            let value = (try? JSONDecoder().decode(ConfigValue.self, from: Data(text.utf8))) ?? .string(text)
            overrides[String(pair[..<equals])] = value
        }
        return overrides
    }

    private static func printJSON(_ report: SimulationReport, _ comparison: SimulationReport?) {
        let encoder = SimulationReport.makeJSONEncoder()
        let data: Data?
        if let comparison {
            data = try? encoder.encode(["a": report, "b": comparison])
        } else {
            data = try? report.makeJSONData()
        }
        FileHandle.standardOutput.write(data ?? Data())
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}
