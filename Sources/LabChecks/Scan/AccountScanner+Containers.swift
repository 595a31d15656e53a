import AWSClient

extension AccountScanner {
    /// The learner's Cloud Map namespaces and every service inside them (services are named after the microservice,
    /// without the prefix: the namespace makes them the learner's).
    func scanCloudMap() async throws -> [FoundResource] {
        let cloudMap = CloudMapClient(runtime: account.runtime)
        let namespaces = try await cloudMap.listNamespaces().collect().filter { isOwned($0.Name) }
        guard !namespaces.isEmpty else { return [] }
        // Per namespace with the NAMESPACE_ID filter: AWS's service summaries do not say which namespace they are in.
        var services: [FoundResource] = []
        for namespace in namespaces {
            services += try await cloudMap.listServices(namespaceID: namespace.Id).collect()
                .filter { ($0.NamespaceId ?? namespace.Id) == namespace.Id }
                .map {
                    FoundResource(
                        kind: ResourceKind.cloudMapService, name: $0.Name, identifier: $0.Id, parent: namespace.Name)
                }
        }
        return namespaces.map { FoundResource(kind: ResourceKind.namespace, name: $0.Name, identifier: $0.Id) } + services
    }

    /// The learner's meshes with their nodes, routers and routes. Virtual services are listed where the service has
    /// them; moto has none, which becomes a note rather than a failed scan.
    func scanAppMesh() async throws -> (resources: [FoundResource], notes: [String]) {
        let appMesh = AppMeshClient(runtime: account.runtime)
        let meshes = try await appMesh.list(.mesh).collect().filter { isOwned($0.name) }
        var resources: [FoundResource] = []
        var notes: [String] = []
        for mesh in meshes {
            resources.append(FoundResource(kind: ResourceKind.mesh, name: mesh.name, identifier: mesh.name))
            for node in try await appMesh.list(.virtualNode(mesh: mesh.name)).collect() {
                resources.append(
                    FoundResource(kind: ResourceKind.virtualNode, name: node.name, identifier: node.name, parent: mesh.name))
            }
            for router in try await appMesh.list(.virtualRouter(mesh: mesh.name)).collect() {
                resources.append(
                    FoundResource(kind: ResourceKind.virtualRouter, name: router.name, identifier: router.name, parent: mesh.name)
                )
                for route in try await appMesh.list(.route(mesh: mesh.name, virtualRouter: router.name)).collect() {
                    resources.append(
                        FoundResource(
                            kind: ResourceKind.route, name: route.name, identifier: route.name,
                            parent: "\(mesh.name)/\(router.name)"))
                }
            }
            do {
                _ = try await appMesh.list(.virtualService(mesh: mesh.name)).collect()
            } catch {
                notes.append(
                    "App Mesh virtual services in \(mesh.name) could not be listed (the sandbox emulator has none): "
                        + AWSErrorClass.classify(error).message)
            }
        }
        return (resources, notes)
    }
}
