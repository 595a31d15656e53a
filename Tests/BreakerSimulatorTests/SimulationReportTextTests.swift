import BreakerSimulator
import Testing

@Suite("Simulation report as text")
struct SimulationReportTextTests {
    @Test("CSV has a header and one row per second, with the JSON series' column names")
    func csvHasOneRowPerSecond() throws {
        let report = try Simulator.run(SimulationRequest(preset: "inventory-outage", durationSeconds: 30))
        let lines = report.makeCSV().split(separator: "\n")
        #expect(lines.first?.hasPrefix("t,offered,succeeded,failed,timedOut,rejectedByBreaker,rejectedByBulkhead,") == true)
        #expect(lines.count == report.series.count + 1)
        let row = lines[25].split(separator: ",", omittingEmptySubsequences: false)
        #expect(row.first == "24")
        #expect(row.last == "open")
        #expect(row.count == lines[0].split(separator: ",").count)
    }

    @Test("The table shows the outcomes, the amplification and the breaker's state strip; A/B side by side")
    func tableSummarisesTheRun() throws {
        let a = try Simulator.run(SimulationRequest(preset: "inventory-outage", durationSeconds: 60))
        let b = try Simulator.run(
            SimulationRequest(preset: "inventory-outage", durationSeconds: 60, overrides: ["breaker.enabled": .bool(false)]))
        let table = a.makeTable(comparedWith: b)
        #expect(table.contains("offered"))
        #expect(table.contains("rejected by breaker"))
        #expect(table.contains("amplification"))
        let strip = try #require(table.split(separator: "\n").first { $0.hasPrefix("breaker by second") })
        #expect(strip.contains("CCCCCCCCCCCCCCCCCCCCO"))
        #expect(strip.contains(String(repeating: "D", count: 60)))
    }
}
