/// Everything a scan found for a learner's prefix, with what it costs while it runs.
public struct AccountScan: Sendable, Codable {
    /// In removal order.
    public var resources: [FoundResource]
    /// Sum of the resources' hourly costs, in US dollars.
    public var hourlyCostTotal: Double
    /// Services that could not be scanned, and why ("App Mesh virtual services: the sandbox emulator has none").
    public var notes: [String]

    public init(resources: [FoundResource], hourlyCostTotal: Double, notes: [String]) {
        self.resources = resources
        self.hourlyCostTotal = hourlyCostTotal
        self.notes = notes
    }

    public var isEmpty: Bool { resources.isEmpty }

    /// The resources that cost something by the hour: the "still running" panel.
    public var stillRunning: [FoundResource] {
        resources.filter { ($0.hourlyCost ?? 0) > 0 }
    }
}
