import AWSClient

/// Observe and ensure for every kind in `ResourceCatalog`, in one learner's account, through `AWSClient`.
///
/// `ensure` is idempotent: it reads first and creates only what is missing, so a rerun after a crash or a finished
/// job creates nothing and says `alreadyPresent`.
public struct ResourceProvisioner: Sendable {
    public let account: LearnerAccount

    public init(account: LearnerAccount) {
        self.account = account
    }

    /// Thrown for a kind this version of LabChecks cannot provision (the catalog and this switch disagree).
    public struct UnknownKind: Error, Sendable, CustomStringConvertible {
        public let kind: String
        public var description: String { "LabChecks cannot provision resources of kind '\(kind)'" }
    }

    public func observe(_ resource: PlannedResource) async throws -> ResourceObservation {
        switch resource.kind {
        case "iam.role": try await observeRole(resource)
        case "logs.log-group": try await observeLogGroup(resource)
        case "ec2.security-group": try await observeSecurityGroup(resource).observation
        case "ecs.cluster": try await observeCluster(resource)
        case "servicediscovery.namespace": try await observeNamespace(resource)
        default: throw UnknownKind(kind: resource.kind)
        }
    }

    public func ensure(_ resource: PlannedResource) async throws -> EnsureOutcome {
        switch resource.kind {
        case "iam.role": try await ensureRole(resource)
        case "logs.log-group": try await ensureLogGroup(resource)
        case "ec2.security-group": try await ensureSecurityGroup(resource)
        case "ecs.cluster": try await ensureCluster(resource)
        case "servicediscovery.namespace": try await ensureNamespace(resource)
        default: throw UnknownKind(kind: resource.kind)
        }
    }

    /// Ensures every planned resource in order, stopping at the first error; `record` runs after each one, before
    /// the next starts, so the ledger never misses a created resource.
    public func ensureAll(
        _ plan: [PlannedResource], record: @Sendable (PlannedResource, EnsureOutcome) async throws -> Void = { _, _ in }
    ) async throws -> [EnsureOutcome] {
        var outcomes: [EnsureOutcome] = []
        for resource in plan {
            let outcome = try await ensure(resource)
            try await record(resource, outcome)
            outcomes.append(outcome)
        }
        return outcomes
    }

    var runtime: AWSRuntime { account.runtime }
}
