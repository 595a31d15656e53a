import Foundation
public import LabChecks
public import LabContent
public import LabStore

/// Creates a lab's `provision:` base for one learner, one resource at a time, recording each in the ledger.
///
/// Resumable by construction: `ensure` looks before it creates, and the ledger is written before the next resource
/// is started, so a job killed halfway and run again skips what exists and creates each resource once.
public struct ProvisionJob: JobKind {
    public struct Arguments: Codable, Sendable, Equatable {
        public let learnerID: Int64
        public let labID: String

        public init(learnerID: Int64, labID: String) {
            self.learnerID = learnerID
            self.labID = labID
        }
    }

    public struct Output: Codable, Sendable, Equatable {
        public struct Resource: Codable, Sendable, Equatable {
            public let summary: String
            public let kind: String
            public let name: String
            public let identifier: String
            /// `created`, `alreadyPresent` or `converged`.
            public let outcome: String
        }

        public let resources: [Resource]
        public var createdCount: Int { resources.count { $0.outcome == "created" } }
        /// "Created 7 resources." or "Everything was already in place: nothing created."
        public let summary: String
    }

    public static let name = "provision"
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
        let plan = ProvisionPlan.make(for: lab, variables: lab.variables(builtins: targets.builtins(for: learner)))
        guard !plan.isEmpty else { throw JobFailure.permanent("the lab \(lab.title) declares nothing to provision") }
        let provisioner = ResourceProvisioner(account: account)
        let recorded = Set(
            try await database.ledger(learnerID: arguments.learnerID, labID: lab.id).filter { !$0.isRemoved }
                .map { "\($0.kind) \($0.name)" })
        var resources: [Output.Resource] = []
        for (index, resource) in plan.enumerated() {
            try await context.checkpoint()
            await context.progress(
                completed: index, total: plan.count, message: "\(index + 1) of \(plan.count): \(resource.summary)")
            let outcome: EnsureOutcome
            do {
                outcome = try await provisioner.ensure(resource)
            } catch {
                throw LabJobFailure.from(error, doing: resource.summary)
            }
            // Recorded when created here, or when an earlier attempt created it and died before writing it down.
            if outcome.isCreated || !recorded.contains("\(resource.kind) \(resource.name)") {
                try await database.recordLedgerEntry(
                    learnerID: arguments.learnerID, labID: lab.id, kind: resource.kind, name: resource.name,
                    identifier: outcome.identifier, jobID: context.jobID, at: Date())
            }
            let word = outcome.word
            await context.log(
                .info, "\(resource.summary): \(word)",
                fields: ["resource.kind": resource.kind, "resource.id": outcome.identifier])
            resources.append(
                .init(
                    summary: resource.summary, kind: resource.kind, name: resource.name, identifier: outcome.identifier,
                    outcome: word))
        }
        let created = resources.count { $0.outcome == "created" }
        let summary =
            created == 0
            ? "Everything was already in place: nothing created."
            : "Created \(created) of \(plan.count) resources\(created < plan.count ? "; the rest were already there" : "")."
        await context.progress(completed: plan.count, total: plan.count, message: summary)
        return Output(resources: resources, summary: summary)
    }
}

extension EnsureOutcome {
    var word: String {
        switch self {
        case .created: "created"
        case .alreadyPresent: "alreadyPresent"
        case .converged: "converged"
        }
    }
}
