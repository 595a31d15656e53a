extension ECSClient {
    public struct ServiceDefinition: Sendable {
        public var cluster: String
        public var name: String
        public var taskDefinition: String
        public var desiredCount: Int = 1
        public var launchType: String? = "FARGATE"
        public var serviceConnectConfiguration: ECSModels.ServiceConnectConfiguration?
        public var subnets: [String] = []
        public var securityGroups: [String] = []

        public init(cluster: String, name: String, taskDefinition: String) {
            self.cluster = cluster
            self.name = name
            self.taskDefinition = taskDefinition
        }
    }

    public func createService(_ definition: ServiceDefinition) async throws -> ECSModels.Service {
        struct VPCConfiguration: Encodable {
            let subnets: [String]
            let securityGroups: [String]
        }
        struct NetworkConfiguration: Encodable { let awsvpcConfiguration: VPCConfiguration }
        struct Input: Encodable {
            let cluster: String
            let serviceName: String
            let taskDefinition: String
            let desiredCount: Int
            let launchType: String?
            let serviceConnectConfiguration: ECSModels.ServiceConnectConfiguration?
            let networkConfiguration: NetworkConfiguration?
        }
        struct Output: Decodable { let service: ECSModels.Service }
        let network =
            definition.subnets.isEmpty
            ? nil
            : NetworkConfiguration(
                awsvpcConfiguration: VPCConfiguration(
                    subnets: definition.subnets, securityGroups: definition.securityGroups))
        let input = Input(
            cluster: definition.cluster, serviceName: definition.name, taskDefinition: definition.taskDefinition,
            desiredCount: definition.desiredCount, launchType: definition.launchType,
            serviceConnectConfiguration: definition.serviceConnectConfiguration, networkConfiguration: network)
        return try await runtime.callJSON(Self.service, "CreateService", input, as: Output.self).service
    }

    public func describeServices(cluster: String, services: [String]) async throws
        -> (services: [ECSModels.Service], failures: [ECSModels.Failure])
    {
        struct Input: Encodable {
            let cluster: String
            let services: [String]
        }
        struct Output: Decodable {
            let services: [ECSModels.Service]?
            let failures: [ECSModels.Failure]?
        }
        let output = try await runtime.callJSON(
            Self.service, "DescribeServices", Input(cluster: cluster, services: services), as: Output.self)
        return (output.services ?? [], output.failures ?? [])
    }

    /// Deletes a service; `force` deletes it without scaling it to zero first.
    public func deleteService(cluster: String, service: String, force: Bool = true) async throws {
        struct Input: Encodable {
            let cluster: String
            let service: String
            let force: Bool
        }
        _ = try await runtime.callJSON(
            Self.service, "DeleteService", Input(cluster: cluster, service: service, force: force), as: EmptyShape.self)
    }
}
