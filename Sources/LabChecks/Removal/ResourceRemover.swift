import AWSClient

/// Deletes a learner's resources, dependents first, and never anything outside the learner's prefix.
public struct ResourceRemover: Sendable {
    public let account: LearnerAccount

    public init(account: LearnerAccount) {
        self.account = account
    }

    /// `resources` sorted so that each one comes after everything that depends on it (`ResourceKind.removalOrder`);
    /// main queues come before their dead-letter queues, and the order is otherwise by name, so it is stable.
    public static func removalOrder(_ resources: [FoundResource]) -> [FoundResource] {
        let rank = Dictionary(uniqueKeysWithValues: ResourceKind.removalOrder.enumerated().map { ($1, $0) })
        return resources.sorted { left, right in
            let leftRank = rank[left.kind] ?? rank.count
            let rightRank = rank[right.kind] ?? rank.count
            if leftRank != rightRank { return leftRank < rightRank }
            let leftIsDeadLetter = left.name.hasSuffix("-dlq")
            if leftIsDeadLetter != right.name.hasSuffix("-dlq") { return !leftIsDeadLetter }
            return left.key < right.key
        }
    }

    /// A ledger entry as a found resource, so that it merges with scan results (`merge`).
    public static func foundResource(
        fromLedger kind: String, name: String, identifier: String, parent: String? = nil
    ) -> FoundResource {
        FoundResource(kind: kind, name: name, identifier: identifier, parent: parent)
    }

    /// The ledger and a scan as one list without duplicates, in removal order. A scan result wins over a ledger
    /// entry for the same resource, since it carries what the account says now (its id and cost).
    public static func merge(ledger: [FoundResource], scan: [FoundResource]) -> [FoundResource] {
        var byKey: [String: FoundResource] = [:]
        for resource in ledger { byKey[resource.key] = resource }
        for resource in scan { byKey[resource.key] = resource }
        return removalOrder(Array(byKey.values))
    }

    /// True when cleanup may delete it: its owner name starts with the learner's prefix.
    public func owns(_ resource: FoundResource) -> Bool {
        resource.ownerName.hasPrefix(account.prefix) && !resource.name.isEmpty
    }

    /// Deletes one resource. Already gone counts as removed; a resource outside the prefix throws
    /// `ResourceRemovalRefusal` without any call to AWS.
    public func remove(_ resource: FoundResource) async throws {
        guard owns(resource) else { throw ResourceRemovalRefusal(resource: resource, prefix: account.prefix) }
        do {
            try await delete(resource)
        } catch let error as AWSError where error.isNotFound {
            return
        }
    }

    /// One resource's outcome in `removeAll`.
    public struct Removal: Sendable {
        public let resource: FoundResource
        /// Nil when removed (or already gone).
        public let failure: AWSErrorClass?
    }

    /// Removes everything, one kind at a time in removal order, the resources of a kind concurrently (a few at a
    /// time). A failure is recorded and the rest carried on with, so the final scan can say what is left and why.
    public func removeAll(_ resources: [FoundResource]) async -> [Removal] {
        var removals: [Removal] = []
        let ordered = Self.removalOrder(resources)
        for kind in ResourceKind.removalOrder + Set(ordered.map(\.kind)).subtracting(ResourceKind.removalOrder).sorted() {
            let batch = ordered.filter { $0.kind == kind }
            guard !batch.isEmpty else { continue }
            removals += await concurrentMap(batch) { resource in
                do {
                    try await remove(resource)
                    return Removal(resource: resource, failure: nil)
                } catch {
                    return Removal(resource: resource, failure: AWSErrorClass.classify(error))
                }
            }
        }
        return removals
    }
}
