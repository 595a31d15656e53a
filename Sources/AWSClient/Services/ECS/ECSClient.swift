/// Amazon ECS over JSON 1.1 (`AmazonEC2ContainerServiceV20141113.<Operation>`).
public struct ECSClient: Sendable {
    public let runtime: AWSRuntime
    static let service = ServiceDescriptor.ecs

    public init(runtime: AWSRuntime) {
        self.runtime = runtime
    }

    public func createCluster(name: String, serviceConnectNamespace: String? = nil) async throws -> ECSModels.Cluster {
        struct Input: Encodable {
            let clusterName: String
            let serviceConnectDefaults: ECSModels.ServiceConnectDefaults?
        }
        struct Output: Decodable { let cluster: ECSModels.Cluster }
        let input = Input(
            clusterName: name, serviceConnectDefaults: serviceConnectNamespace.map(ECSModels.ServiceConnectDefaults.init))
        return try await runtime.callJSON(Self.service, "CreateCluster", input, as: Output.self).cluster
    }

    public func describeClusters(_ clusters: [String]) async throws -> (
        clusters: [ECSModels.Cluster], failures: [ECSModels.Failure]
    ) {
        struct Input: Encodable { let clusters: [String] }
        struct Output: Decodable {
            let clusters: [ECSModels.Cluster]?
            let failures: [ECSModels.Failure]?
        }
        let output = try await runtime.callJSON(Self.service, "DescribeClusters", Input(clusters: clusters), as: Output.self)
        return (output.clusters ?? [], output.failures ?? [])
    }

    public func deleteCluster(_ cluster: String) async throws {
        struct Input: Encodable { let cluster: String }
        _ = try await runtime.callJSON(Self.service, "DeleteCluster", Input(cluster: cluster), as: EmptyShape.self)
    }

    /// Registers a Fargate-style task definition (`awsvpc`) and returns it with its revision.
    public func registerTaskDefinition(
        family: String, containers: [ECSModels.ContainerDefinition], cpu: String? = "256", memory: String? = "512",
        networkMode: String? = "awsvpc", requiresCompatibilities: [String]? = ["FARGATE"]
    ) async throws -> ECSModels.TaskDefinition {
        struct Input: Encodable {
            let family: String
            let containerDefinitions: [ECSModels.ContainerDefinition]
            let cpu: String?
            let memory: String?
            let networkMode: String?
            let requiresCompatibilities: [String]?
        }
        struct Output: Decodable { let taskDefinition: ECSModels.TaskDefinition }
        let input = Input(
            family: family, containerDefinitions: containers, cpu: cpu, memory: memory, networkMode: networkMode,
            requiresCompatibilities: requiresCompatibilities)
        return try await runtime.callJSON(Self.service, "RegisterTaskDefinition", input, as: Output.self).taskDefinition
    }

    public func deregisterTaskDefinition(_ taskDefinition: String) async throws {
        struct Input: Encodable { let taskDefinition: String }
        _ = try await runtime.callJSON(
            Self.service, "DeregisterTaskDefinition", Input(taskDefinition: taskDefinition), as: EmptyShape.self)
    }
}
