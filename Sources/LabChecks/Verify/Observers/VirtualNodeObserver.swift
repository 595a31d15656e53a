import AWSClient

extension MeshObservers {
    /// `appmesh.virtual-node`: its listener port, how it is discovered and which virtual services it may call.
    static func virtualNode(_ check: RenderedCheck, in environment: CheckEnvironment) async throws -> CheckOutcome {
        let mesh = try check.requiredText("mesh")
        let node = try check.requiredText("virtualNode")
        guard let resource = try await describe(.virtualNode(mesh: mesh), node, in: environment) else {
            return missing("virtual node", node, mesh: mesh)
        }
        let spec = resource.spec
        let ports = ports(spec)
        let discovery = discoveryName(spec)
        let backends = (spec?.objects(at: "backends") ?? []).compactMap {
            $0["virtualService"]?["virtualServiceName"]?.stringValue
        }
        let facts = [
            "listeners.port": ports.map(String.init).joined(separator: ", "), "serviceDiscovery": discovery?.text ?? "",
            "backends": backends.joined(separator: ", "),
        ]
        var expected: [String] = []
        var observed: [String] = []
        var hints: [String] = []
        if let port = check.integer("port"), !ports.contains(port) {
            expected.append("a listener on port \(port)")
            observed.append("it listens on " + (ports.isEmpty ? "no port" : "port \(listed(ports.map(String.init)))"))
            hints.append("The listener port is the one the service's container listens on.")
        }
        if let wanted = check.text("serviceDiscovery"), discovery?.name != wanted {
            expected.append("discovered as \(wanted)")
            observed.append(discovery.map { "it is discovered as \($0.text)" } ?? "it has no service discovery")
            hints.append("Service discovery names the Cloud Map service (or DNS name) that finds this node's tasks.")
        }
        if let wanted = check.list("backends") {
            let missing = wanted.filter { !backends.contains($0) }
            if !missing.isEmpty {
                expected.append("backends \(listed(wanted))")
                observed.append(
                    backends.isEmpty
                        ? "it has no backends" : "its backends are \(listed(backends)): \(listed(missing)) missing")
                hints.append("Backends are the virtual services this node calls, by their full names.")
            }
        }
        guard !observed.isEmpty else { return .passed("virtual node \(node) exists in mesh \(mesh)", facts: facts) }
        return .failed(
            expected: expected.joined(separator: "; "),
            observed: "virtual node \(node) in mesh \(mesh) exists, but " + observed.joined(separator: "; "),
            hint: hints.joined(separator: " "), facts: facts)
    }

    /// How the node is found: a Cloud Map service (by its service name) or a DNS hostname (by its first label).
    static func discoveryName(_ spec: JSONValue?) -> (name: String, text: String)? {
        if let cloudMap = spec?["serviceDiscovery"]?["awsCloudMap"], let service = cloudMap["serviceName"]?.stringValue {
            let namespace = cloudMap["namespaceName"]?.stringValue ?? ""
            return (service, "Cloud Map service \(service) in namespace \(namespace)")
        }
        if let hostname = spec?["serviceDiscovery"]?["dns"]?["hostname"]?.stringValue {
            return (String(hostname.prefix { $0 != "." }), "DNS name \(hostname)")
        }
        return nil
    }
}
