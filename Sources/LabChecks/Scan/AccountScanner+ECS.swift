import AWSClient

extension AccountScanner {
    /// Active clusters, the learner's services in any of them (priced), and active task definition revisions.
    func scanECS() async throws -> [FoundResource] {
        let ecs = ECSClient(runtime: account.runtime)
        let clusterARNs = try await ecs.listClusters().collect()
        var clusters: [ECSModels.Cluster] = []
        for batch in clusterARNs.chunked(into: 100) {
            clusters += try await ecs.describeClusters(batch).clusters.filter { $0.status == "ACTIVE" }
        }
        var resources = clusters.filter { isOwned($0.clusterName) }.map {
            FoundResource(kind: ResourceKind.cluster, name: $0.clusterName, identifier: $0.clusterArn)
        }
        for cluster in clusters {
            let serviceARNs = try await ecs.listServices(cluster: cluster.clusterArn).collect()
                .filter { isOwned(Self.lastComponent($0, separator: "/")) }
            for batch in serviceARNs.chunked(into: 10) {
                for service in try await ecs.describeServices(cluster: cluster.clusterArn, services: batch).services
                where service.status != "INACTIVE" {
                    resources.append(try await priced(service, cluster: cluster.clusterName, ecs: ecs))
                }
            }
        }
        // moto matches `familyPrefix` as a whole family, so list every active revision and filter here.
        for arn in try await ecs.listTaskDefinitions().collect() {
            let revision = Self.lastComponent(arn, separator: "/")
            guard isOwned(revision) else { continue }
            resources.append(FoundResource(kind: ResourceKind.taskDefinition, name: revision, identifier: arn))
        }
        return resources
    }

    /// An ECS service with its hourly cost: desired tasks × the task definition's Fargate vCPU and memory, plus one
    /// App Mesh proxy per task when the task definition has an Envoy container.
    func priced(_ service: ECSModels.Service, cluster: String, ecs: ECSClient) async throws -> FoundResource {
        var resource = FoundResource(
            kind: ResourceKind.ecsService, name: service.serviceName, identifier: service.serviceArn, parent: cluster)
        guard let taskDefinitionARN = service.taskDefinition,
            let taskDefinition = try await nilIfNotFound({ try await ecs.describeTaskDefinition(taskDefinitionARN) })
        else { return resource }
        let cost = ServiceCost(
            tasks: service.desiredCount ?? 0, taskDefinition: taskDefinition, prices: prices)
        resource.hourlyCost = cost.hourly
        resource.costDetail = cost.detail
        return resource
    }
}

extension Array {
    func chunked(into size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
