import AWSClient

extension ResourceProvisioner {
    func observeCluster(_ resource: PlannedResource) async throws -> ResourceObservation {
        let clusters = try await ECSClient(runtime: runtime).describeClusters([resource.name]).clusters
        // A deleted cluster stays visible as INACTIVE for a while; it is as good as missing.
        guard let cluster = clusters.first(where: { $0.status == "ACTIVE" }) else { return .missing }
        return .found(cluster.clusterArn)
    }

    func ensureCluster(_ resource: PlannedResource) async throws -> EnsureOutcome {
        if let identifier = try await observeCluster(resource).identifier { return .alreadyPresent(identifier: identifier) }
        let cluster = try await ECSClient(runtime: runtime).createCluster(name: resource.name, tags: account.tags)
        return .created(identifier: cluster.clusterArn)
    }

    /// The namespace's id (`ns-…`), which is what Cloud Map's calls take.
    func observeNamespace(_ resource: PlannedResource) async throws -> ResourceObservation {
        let namespaces = try await CloudMapClient(runtime: runtime).listNamespaces().collect()
        guard let namespace = namespaces.first(where: { $0.Name == resource.name }) else { return .missing }
        var differences: [String] = []
        if let type = namespace.`Type`, type != "HTTP" { differences.append("it is a \(type) namespace, not HTTP") }
        return .found(namespace.Id, differences: differences)
    }

    /// Creates the HTTP namespace and follows its operation to the namespace id. A namespace of another type with
    /// the same name is reported, not replaced: replacing would delete what the learner built on it.
    func ensureNamespace(_ resource: PlannedResource) async throws -> EnsureOutcome {
        let cloudMap = CloudMapClient(runtime: runtime)
        let observation = try await observeNamespace(resource)
        if let identifier = observation.identifier {
            guard observation.differences.isEmpty else {
                throw AWSError(
                    kind: .service, code: "NamespaceTypeMismatch",
                    message:
                        "Cloud Map namespace \(resource.name) exists, but \(observation.differences.joined(separator: "; "))",
                    service: "ServiceDiscovery", operation: "ListNamespaces")
            }
            return .alreadyPresent(identifier: identifier)
        }
        let operationID = try await cloudMap.createHTTPNamespace(
            name: resource.name, description: resource.summary, tags: account.tags)
        let operation = try await cloudMap.getOperation(id: operationID)
        if let namespaceID = operation.Targets?["NAMESPACE"] { return .created(identifier: namespaceID) }
        return .created(identifier: try await observeNamespace(resource).identifier ?? operationID)
    }
}
