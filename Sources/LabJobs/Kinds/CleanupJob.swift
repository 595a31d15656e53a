import Foundation
public import LabChecks
public import LabContent
public import LabStore

/// Deletes everything of one learner's in a lab: what the ledger holds plus what a scan finds under their prefix,
/// dependents first; then scans again and says what is left, and why.
///
/// A dry run stops after the first scan: it is the list the learner confirms, and the "still running" panel.
public struct CleanupJob: JobKind {
    public struct Arguments: Codable, Sendable, Equatable {
        public let learnerID: Int64
        public let labID: String
        public let isDryRun: Bool

        public init(learnerID: Int64, labID: String, isDryRun: Bool) {
            self.learnerID = learnerID
            self.labID = labID
            self.isDryRun = isDryRun
        }
    }

    public struct Output: Codable, Sendable, Equatable {
        public struct Item: Codable, Sendable, Equatable {
            public let kind: String
            public let name: String
            public let summary: String
            public let hourlyCost: Double?
            public let costDetail: String?
            /// Why it is still there, for leftovers.
            public let reason: String?
        }

        public let isDryRun: Bool
        /// What the dry run would delete, or what this run set out to delete.
        public let planned: [Item]
        public let removedCount: Int
        /// What the final scan still found (empty on a dry run).
        public let leftovers: [Item]
        /// What is found that costs money by the hour, with the total.
        public let stillRunning: [Item]
        public let hourlyCostTotal: Double
        public let notes: [String]
        public let summary: String
    }

    public static let name = "cleanup"
    public let retryPolicy = JobRetryPolicy.awsResources

    let database: AppDatabase
    let labs: LabLibrary
    let targets: LearnerTargets

    public init(database: AppDatabase, labs: LabLibrary, targets: LearnerTargets) {
        self.database = database
        self.labs = labs
        self.targets = targets
    }

    public func run(_ arguments: Arguments, context: JobContext) async throws -> Output {
        let (learner, lab) = try await LabJobInputs.load(arguments.learnerID, arguments.labID, database: database, labs: labs)
        let account = try targets.account(for: learner, labID: lab.id)
        let scanner = AccountScanner(account: account, prices: lab.prices)
        let remover = ResourceRemover(account: account)
        let ledger = try await database.ledger(learnerID: learner.id ?? 0, labID: lab.id).filter { !$0.isRemoved }

        await context.progress(completed: 0, total: 1, message: "Scanning every service the lab uses for \(account.prefix)…")
        try await context.checkpoint()
        let scan = try await scanning(scanner)
        let planned = ResourceRemover.merge(
            ledger: ledger.map { ResourceRemover.foundResource(fromLedger: $0.kind, name: $0.name, identifier: $0.identifier) },
            scan: scan.resources
        ).filter(remover.owns)
        await context.log(
            .info, "Found \(planned.count) resources under \(account.prefix)", fields: ["cleanup.dryRun": "\(arguments.isDryRun)"]
        )
        if arguments.isDryRun {
            let summary =
                planned.isEmpty
                ? "Nothing to delete: no resource starts with \(account.prefix)." : "\(planned.count) resources would be deleted."
            await context.progress(completed: 1, total: 1, message: summary)
            return Output(
                isDryRun: true, planned: planned.map { Self.item($0) }, removedCount: 0, leftovers: [],
                stillRunning: scan.stillRunning.map { Self.item($0) }, hourlyCostTotal: scan.hourlyCostTotal,
                notes: scan.notes, summary: summary)
        }

        var failures: [String: String] = [:]
        var removedCount = 0
        for (index, resource) in planned.enumerated() {
            try await context.checkpoint()
            await context.progress(
                completed: index, total: planned.count, message: "\(index + 1) of \(planned.count): deleting \(resource.summary)")
            do {
                try await remover.remove(resource)
                removedCount += 1
                await context.log(.info, "Deleted \(resource.summary)", fields: ["resource.kind": resource.kind])
                for entry in ledger where entry.kind == resource.kind && entry.name == resource.name {
                    try await database.markLedgerEntryRemoved(id: entry.id, at: Date())
                }
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                let reason = classify(error).message
                failures[resource.key] = reason
                await context.log(
                    .warning, "Could not delete \(resource.summary): \(reason)", fields: ["resource.kind": resource.kind])
            }
        }
        try await context.checkpoint()
        await context.progress(completed: planned.count, total: planned.count, message: "Scanning again for anything left…")
        let after = try await scanning(scanner)
        let leftovers = after.resources.filter(remover.owns).map { resource in
            Self.item(
                resource, reason: failures[resource.key] ?? "still there after the delete call; AWS may still be removing it")
        }
        let summary =
            leftovers.isEmpty
            ? "Nothing left: deleted \(removedCount) resources."
            : "\(leftovers.count) resources are still there; each says why."
        await context.progress(completed: planned.count, total: planned.count, message: summary)
        return Output(
            isDryRun: false, planned: planned.map { Self.item($0) }, removedCount: removedCount, leftovers: leftovers,
            stillRunning: after.stillRunning.map { Self.item($0) }, hourlyCostTotal: after.hourlyCostTotal, notes: after.notes,
            summary: summary)
    }

    private func scanning(_ scanner: AccountScanner) async throws -> AccountScan {
        do {
            return try await scanner.scan()
        } catch {
            throw LabJobFailure.from(error, doing: "scanning the account")
        }
    }

    static func item(_ resource: FoundResource, reason: String? = nil) -> Output.Item {
        Output.Item(
            kind: resource.kind, name: resource.name, summary: resource.summary, hourlyCost: resource.hourlyCost,
            costDetail: resource.costDetail, reason: reason)
    }
}
