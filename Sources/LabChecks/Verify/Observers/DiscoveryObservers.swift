import AWSClient

/// The Cloud Map checks: the HTTP namespace (through the provisioner's own observe) and a service inside it.
enum DiscoveryObservers {
    /// The namespace's id, or the failed outcome that says why there is none (or why it is the wrong kind).
    static func namespace(_ name: String, summary: String, in environment: CheckEnvironment) async throws
        -> (id: String?, outcome: CheckOutcome)
    {
        let observation = try await ResourceProvisioner(account: environment.account).observe(
            PlannedResource(kind: "servicediscovery.namespace", name: name, parameters: [:], summary: summary, rank: 0))
        guard let id = observation.identifier else {
            return (
                nil,
                .failed(
                    expected: "a Cloud Map namespace named \(name)",
                    observed: "there is no Cloud Map namespace named \(name) in \(environment.account.region)",
                    hint: "Creating a namespace is asynchronous: it appears once its operation has succeeded.")
            )
        }
        guard observation.differences.isEmpty else {
            return (
                id,
                .failed(
                    expected: "an HTTP namespace named \(name)",
                    observed: "Cloud Map namespace \(name) exists, but \(listed(observation.differences))",
                    hint: "Service Connect and the lab's services use an HTTP namespace; the namespace type cannot be changed.",
                    facts: ["namespaceId": id])
            )
        }
        return (id, .passed("Cloud Map namespace \(name) exists", facts: ["namespaceId": id]))
    }

    static func namespace(_ check: RenderedCheck, in environment: CheckEnvironment) async throws -> CheckOutcome {
        try await namespace(try check.requiredText("namespace"), summary: check.summary, in: environment).outcome
    }

    static func service(_ check: RenderedCheck, in environment: CheckEnvironment) async throws -> CheckOutcome {
        let namespace = try check.requiredText("namespace")
        let name = try check.requiredText("service")
        // A namespace of another type still holds services; only a missing one ends the check here.
        let (id, outcome) = try await Self.namespace(namespace, summary: check.summary, in: environment)
        guard let id else { return outcome }
        let services = try await CloudMapClient(runtime: environment.account.runtime).listServices(namespaceID: id).collect()
            .filter { ($0.NamespaceId ?? id) == id }
        guard let service = services.first(where: { $0.Name == name }) else {
            let others = services.map(\.Name)
            return .failed(
                expected: "a Cloud Map service named \(name) in namespace \(namespace)",
                observed: "namespace \(namespace) has no service named \(name)"
                    + (others.isEmpty ? " (it has no services)" : " (it has \(listed(others)))"),
                hint: "A Cloud Map service is created inside a namespace, by the namespace's id rather than its name.",
                facts: ["namespaceId": id])
        }
        return .passed(
            "Cloud Map service \(name) exists in namespace \(namespace)",
            facts: ["namespaceId": id, "serviceId": service.Id, "serviceArn": service.Arn ?? ""])
    }
}
