public import AWSClient
public import Foundation

/// What a learner who followed the cross-service lab to the end has in their account beyond the provisioned base,
/// made with the same calls as the lab's own commands: Cloud Map services, the mesh with its nodes, router and
/// route, task definitions with Envoy and their ECS services, topics, queues with dead-letter queues, filtered
/// subscriptions, the breaker table and function, alarms and a dashboard.
///
/// The cleanup tests and `labguide aws bench-cleanup` start from it, so both measure the same account.
public enum FinishedLabWork {
    public static let services = ["user", "order", "inventory", "notification"]

    /// Creates it all for `prefix`, assuming the provisioned base (roles, cluster, namespace) exists; returns how many
    /// resources it made.
    @discardableResult
    public static func create(prefix: String, runtime: AWSRuntime, zipFile: Data) async throws -> Int {
        var count = 0
        count += try await createDiscoveryAndMesh(prefix: prefix, runtime: runtime)
        count += try await createServices(prefix: prefix, runtime: runtime)
        count += try await createMessaging(prefix: prefix, runtime: runtime)
        count += try await createBreakerAndMonitoring(prefix: prefix, runtime: runtime, zipFile: zipFile)
        return count
    }

    static func createDiscoveryAndMesh(prefix: String, runtime: AWSRuntime) async throws -> Int {
        let cloudMap = CloudMapClient(runtime: runtime)
        let namespaces = try await cloudMap.listNamespaces().collect()
        guard let namespace = namespaces.first(where: { $0.Name == "\(prefix)local" }) else { return 0 }
        let mesh = AppMeshClient(runtime: runtime)
        let meshName = "\(prefix)mesh"
        _ = try await mesh.create(.mesh, name: meshName, spec: AppMeshSpec.mesh())
        for service in services {
            _ = try await cloudMap.createService(name: service, namespaceID: namespace.Id)
            _ = try await mesh.create(
                .virtualNode(mesh: meshName), name: service,
                spec: AppMeshSpec.virtualNode(port: 8080, hostname: "\(service).\(prefix)local"))
        }
        _ = try await mesh.create(
            .virtualRouter(mesh: meshName), name: "inventory-router", spec: AppMeshSpec.virtualRouter(port: 8080))
        _ = try await mesh.create(
            .route(mesh: meshName, virtualRouter: "inventory-router"), name: "inventory-route",
            spec: AppMeshSpec.httpRoute(prefix: "/", targets: [("inventory", 100)]))
        return 1 + 2 * services.count + 2
    }

    static func createServices(prefix: String, runtime: AWSRuntime) async throws -> Int {
        let ecs = ECSClient(runtime: runtime)
        for service in services {
            let containers = [
                ECSModels.ContainerDefinition(name: "app", image: "public.ecr.aws/docker/library/python:3.12-alpine"),
                ECSModels.ContainerDefinition(name: "envoy", image: "public.ecr.aws/appmesh/aws-appmesh-envoy:v1.27.3.0-prod"),
            ]
            let definition = try await ecs.registerTaskDefinition(
                family: "\(prefix)\(service)", containers: containers, cpu: "512", memory: "1024")
            _ = try await ecs.createService(
                .init(cluster: "\(prefix)cluster", name: "\(prefix)\(service)", taskDefinition: definition.taskDefinitionArn))
        }
        return 2 * services.count
    }
}
