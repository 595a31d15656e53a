import AWSClient

/// The App Mesh checks: the mesh, its virtual nodes, routers, routes and virtual services, compared by their specs.
///
/// App Mesh ended on real AWS on 2026-09-30, so these run against the sandbox; the virtual service check still
/// works on an account that has App Mesh, since moto has no virtual services at all.
enum MeshObservers {
    /// A resource described, or nil when it (or its mesh) does not exist; a deleted one counts as missing.
    static func describe(_ kind: AppMeshClient.Kind, _ name: String, in environment: CheckEnvironment) async throws
        -> AppMeshResource?
    {
        let resource = try await nilIfNotFound {
            try await AppMeshClient(runtime: environment.account.runtime).describe(kind, name: name)
        }
        return resource?.status == "DELETED" ? nil : resource
    }

    static func mesh(_ check: RenderedCheck, in environment: CheckEnvironment) async throws -> CheckOutcome {
        let mesh = try check.requiredText("mesh")
        guard let resource = try await describe(.mesh, mesh, in: environment) else {
            return .failed(
                expected: "a mesh named \(mesh)", observed: "there is no mesh named \(mesh)",
                hint: "A mesh name is yours to choose but must match exactly; list your meshes to compare.")
        }
        return .passed("mesh \(mesh) exists", facts: ["arn": resource.arn ?? "", "status": resource.status ?? ""])
    }

    static func missing(_ noun: String, _ name: String, mesh: String, in place: String? = nil) -> CheckOutcome {
        .failed(
            expected: "\(noun) \(name) in \(place ?? "mesh \(mesh)")",
            observed: "there is no \(noun) named \(name) in \(place ?? "mesh \(mesh)")",
            hint: "Names inside a mesh are case-sensitive; list the mesh's \(noun)s to compare, and check the mesh name too.")
    }

    /// The listener ports of a node's or router's spec.
    static func ports(_ spec: JSONValue?) -> [Int] {
        (spec?.objects(at: "listeners") ?? []).compactMap { $0["portMapping"]?["port"]?.integerValue }
    }

    static func virtualRouter(_ check: RenderedCheck, in environment: CheckEnvironment) async throws -> CheckOutcome {
        let mesh = try check.requiredText("mesh")
        let router = try check.requiredText("virtualRouter")
        guard let resource = try await describe(.virtualRouter(mesh: mesh), router, in: environment) else {
            return missing("virtual router", router, mesh: mesh)
        }
        let ports = ports(resource.spec)
        let facts = ["listeners.port": ports.map(String.init).joined(separator: ", ")]
        if let port = check.integer("port"), !ports.contains(port) {
            return .failed(
                expected: "a listener on port \(port)",
                observed: "virtual router \(router) in mesh \(mesh) listens on "
                    + (ports.isEmpty ? "no port" : "port \(listed(ports.map(String.init)))"),
                hint: "A router listens on the port its virtual service is called on, the same as the nodes behind it.",
                facts: facts)
        }
        return .passed("virtual router \(router) exists in mesh \(mesh)", facts: facts)
    }

    static func route(_ check: RenderedCheck, in environment: CheckEnvironment) async throws -> CheckOutcome {
        let mesh = try check.requiredText("mesh")
        let router = try check.requiredText("virtualRouter")
        let route = try check.requiredText("route")
        guard let resource = try await describe(.route(mesh: mesh, virtualRouter: router), route, in: environment) else {
            return missing("route", route, mesh: mesh, in: "virtual router \(router) of mesh \(mesh)")
        }
        // Whichever protocol the route is for, its targets sit under action.weightedTargets.
        let targets = ["httpRoute", "http2Route", "grpcRoute", "tcpRoute"].flatMap { kind in
            (resource.spec?[kind]?["action"]?.objects(at: "weightedTargets") ?? []).compactMap { $0["virtualNode"]?.stringValue }
        }
        let facts = ["weightedTargets": targets.joined(separator: ", ")]
        if let wanted = check.list("targets"), Set(wanted) != Set(targets) {
            return .failed(
                expected: "traffic sent to \(listed(wanted))",
                observed:
                    "route \(route) on virtual router \(router) sends traffic to \(targets.isEmpty ? "no virtual node" : listed(targets))",
                hint: "A route's weighted targets name virtual nodes of the same mesh, by their node names.", facts: facts)
        }
        return .passed("route \(route) exists on virtual router \(router) in mesh \(mesh)", facts: facts)
    }

    static func virtualService(_ check: RenderedCheck, in environment: CheckEnvironment) async throws -> CheckOutcome {
        let mesh = try check.requiredText("mesh")
        let service = try check.requiredText("virtualService")
        guard let resource = try await describe(.virtualService(mesh: mesh), service, in: environment) else {
            return missing("virtual service", service, mesh: mesh)
        }
        let provider = resource.spec?["provider"]
        let actual =
            provider?["virtualRouter"]?["virtualRouterName"]?.stringValue
            ?? provider?["virtualNode"]?["virtualNodeName"]?.stringValue
        let facts = ["provider": actual ?? ""]
        if let wanted = check.text("provider"), actual != wanted {
            return .failed(
                expected: "provided by \(wanted)",
                observed: "virtual service \(service) in mesh \(mesh) is provided by \(actual ?? "nothing")",
                hint: "The provider is a virtual router (to split traffic) or a virtual node, named by its name in the mesh.",
                facts: facts)
        }
        return .passed("virtual service \(service) exists in mesh \(mesh)", facts: facts)
    }
}
