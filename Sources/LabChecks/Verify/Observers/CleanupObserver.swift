/// `cleanup.no-leftovers`: the cleanup job's own scan of every service the lab uses, so that Verify and the
/// Delete button agree on what is left.
enum CleanupObserver {
    static func observe(_ check: RenderedCheck, in environment: CheckEnvironment) async throws -> CheckOutcome {
        let prefix = try check.requiredText("prefix")
        let scan = try await AccountScanner(account: environment.account, prices: environment.prices).scan()
        // The scan looks for the account's prefix; a lab asking for another one would be checking someone else.
        let left = scan.resources.filter { $0.ownerName.hasPrefix(prefix) }
        var facts = ["resourcesLeft": String(left.count)]
        if !scan.notes.isEmpty { facts["notScanned"] = scan.notes.joined(separator: "; ") }
        guard !left.isEmpty else { return .passed("no resources named \(prefix)… are left", facts: facts) }
        // Grouped by kind in removal order, so the message reads like the order to delete them in.
        let unordered = Set(left.map(\.kind)).subtracting(ResourceKind.removalOrder).sorted()
        let kinds = (ResourceKind.removalOrder + unordered).filter { kind in left.contains { $0.kind == kind } }
        let groups = kinds.map { kind in
            let names = left.filter { $0.kind == kind }.map { resource in
                resource.parent.map { "\(resource.name) in \($0)" } ?? resource.name
            }
            return "\(ResourceKind.noun(kind)) \(names.joined(separator: ", "))"
        }
        let running = scan.stillRunning.filter { left.contains($0) }
        if !running.isEmpty { facts["hourlyCost"] = AccountScanner.format(running.compactMap(\.hourlyCost).reduce(0, +)) }
        return .failed(
            expected: "no resources named \(prefix)…",
            observed: "\(counted(left.count, "resource")) left: " + groups.joined(separator: "; "),
            hint:
                "Delete what depends on others first (services before clusters, subscriptions before topics); the Delete button does it in order.",
            facts: facts)
    }
}
