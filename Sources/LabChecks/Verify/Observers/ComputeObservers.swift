import AWSClient

/// The ECS checks: the cluster (through the provisioner's own observe), a service, and its Service Connect settings.
enum ComputeObservers {
    static func cluster(_ check: RenderedCheck, in environment: CheckEnvironment) async throws -> CheckOutcome {
        let cluster = try check.requiredText("cluster")
        let observation = try await ResourceProvisioner(account: environment.account).observe(
            PlannedResource(kind: "ecs.cluster", name: cluster, parameters: [:], summary: check.summary, rank: 0))
        guard let arn = observation.identifier else {
            return .failed(
                expected: "an active ECS cluster named \(cluster)",
                observed: "there is no active ECS cluster named \(cluster) in \(environment.account.region)",
                hint: "A deleted cluster stays listed as INACTIVE for a while; a new one with the same name is fine.")
        }
        guard let namespace = check.text("serviceConnectNamespace") else {
            return .passed("ECS cluster \(cluster) is active", facts: ["clusterArn": arn])
        }
        return try await serviceConnectDefaults(of: cluster, arn: arn, namespace: namespace, in: environment)
    }

    /// The cluster's Service Connect default namespace: AWS keeps the namespace's ARN, the emulator the name given.
    static func serviceConnectDefaults(
        of cluster: String, arn: String, namespace: String, in environment: CheckEnvironment
    ) async throws -> CheckOutcome {
        let runtime = environment.account.runtime
        let described = try await ECSClient(runtime: runtime).describeClusters([cluster]).clusters.first
        let current = described?.serviceConnectDefaults?.namespace
        var facts = ["clusterArn": arn, "serviceConnectDefaults.namespace": current ?? ""]
        let expected = "ECS cluster \(cluster) with Service Connect defaulting to namespace \(namespace)"
        guard let current else {
            return .failed(
                expected: expected, observed: "ECS cluster \(cluster) has no Service Connect defaults",
                hint: "Service Connect defaults are a setting of the cluster itself, made after it exists.", facts: facts)
        }
        let found = try await CloudMapClient(runtime: runtime).listNamespaces().collect().first { $0.Name == namespace }
        facts["namespaceId"] = found?.Id ?? ""
        let matches =
            current == namespace || current == found?.Arn || (found.map { current.hasSuffix("/\($0.Id)") } ?? false)
        guard matches else {
            return .failed(
                expected: expected,
                observed: "ECS cluster \(cluster) has Service Connect defaulting to namespace \(current)",
                hint: "The default namespace must be the lab's Cloud Map namespace, the one the services register in.",
                facts: facts)
        }
        return .passed("ECS cluster \(cluster) defaults Service Connect to namespace \(namespace)", facts: facts)
    }

    /// An ECS service, or the failed outcome that says why there is none.
    enum ServiceLookup {
        case found(ECSModels.Service)
        case missing(CheckOutcome)
    }

    static func service(named service: String, cluster: String, in environment: CheckEnvironment) async throws
        -> ServiceLookup
    {
        let found = try await nilIfNotFound {
            try await ECSClient(runtime: environment.account.runtime).describeServices(cluster: cluster, services: [service])
        }
        guard let found else {
            return .missing(
                .failed(
                    expected: "ECS service \(service) in cluster \(cluster)",
                    observed: "there is no ECS cluster named \(cluster)",
                    hint: "Create the cluster first; a service always lives in one cluster."))
        }
        guard let match = found.services.first(where: { $0.serviceName == service && $0.status != "INACTIVE" }) else {
            return .missing(
                .failed(
                    expected: "ECS service \(service) in cluster \(cluster)",
                    observed: "cluster \(cluster) has no service named \(service)",
                    hint: "Service names are case-sensitive and belong to one cluster: list the cluster's services to compare."))
        }
        return .found(match)
    }

    static func service(_ check: RenderedCheck, in environment: CheckEnvironment) async throws -> CheckOutcome {
        let cluster = try check.requiredText("cluster")
        let name = try check.requiredText("service")
        let service: ECSModels.Service
        switch try await Self.service(named: name, cluster: cluster, in: environment) {
        case .found(let found): service = found
        case .missing(let outcome): return outcome
        }
        let facts = [
            "status": service.status ?? "", "desiredCount": service.desiredCount.map(String.init) ?? "",
            "runningCount": service.runningCount.map(String.init) ?? "", "taskDefinition": service.taskDefinition ?? "",
        ]
        if service.status != "ACTIVE" || (service.desiredCount ?? 0) < 1 {
            return .failed(
                expected: "ECS service \(name) active with at least one task",
                observed: "ECS service \(name) in cluster \(cluster) is \(service.status ?? "in no known state") "
                    + "with \(service.desiredCount ?? 0) desired tasks",
                hint: "A service runs what its desired count asks for; a draining service is on its way out.", facts: facts)
        }
        return .passed("ECS service \(name) runs in cluster \(cluster)", facts: facts)
    }

    /// `ecs.service-connect`: Service Connect enabled on the primary deployment, with the declared discovery name.
    static func serviceConnect(_ check: RenderedCheck, in environment: CheckEnvironment) async throws -> CheckOutcome {
        let cluster = try check.requiredText("cluster")
        let name = try check.requiredText("service")
        let service: ECSModels.Service
        switch try await Self.service(named: name, cluster: cluster, in: environment) {
        case .found(let found): service = found
        case .missing(let outcome): return outcome
        }
        // Real ECS reports the settings on each deployment; the sandbox keeps what it was given on the service.
        let primary = service.deployments?.first { $0.status == "PRIMARY" }
        let configuration = primary?.serviceConnectConfiguration ?? service.serviceConnectConfiguration
        // Both lists name the same discovery names where both are present; each name once, in order.
        var discoveryNames: [String] = []
        let named =
            (primary?.serviceConnectResources ?? []).compactMap(\.discoveryName)
            + (configuration?.services ?? []).compactMap { $0.discoveryName ?? $0.portName }
        for discoveryName in named where !discoveryNames.contains(discoveryName) { discoveryNames.append(discoveryName) }
        let facts = [
            "serviceConnectConfiguration.enabled": configuration.map { String($0.enabled) } ?? "",
            "serviceConnectConfiguration.namespace": configuration?.namespace ?? "",
            "discoveryNames": discoveryNames.joined(separator: ", "),
        ]
        guard let configuration, configuration.enabled else {
            return .failed(
                expected: "Service Connect enabled on ECS service \(name)",
                observed: "ECS service \(name) in cluster \(cluster) does not use Service Connect",
                hint: "Service Connect is set per service, and a new deployment is what applies it.", facts: facts)
        }
        if let wanted = check.text("discoveryName"), !discoveryNames.contains(wanted) {
            return .failed(
                expected: "Service Connect discovery name \(wanted)",
                observed: "ECS service \(name) in cluster \(cluster) uses Service Connect as "
                    + (discoveryNames.isEmpty ? "no discovery name" : listed(discoveryNames)),
                hint: "Without a discoveryName, Service Connect uses the port mapping's name.", facts: facts)
        }
        return .passed("ECS service \(name) in cluster \(cluster) uses Service Connect", facts: facts)
    }
}
