extension ECSClient {
    /// Creates a cluster with tags (`key`/`value`, ECS's lower-case tag shape).
    public func createCluster(name: String, tags: [String: String]) async throws -> ECSModels.Cluster {
        struct Input: Encodable {
            let clusterName: String
            let tags: [ECSModels.Tag]
        }
        struct Output: Decodable { let cluster: ECSModels.Cluster }
        let input = Input(clusterName: name, tags: ECSModels.Tag.make(tags))
        return try await runtime.callJSON(Self.service, "CreateCluster", input, as: Output.self).cluster
    }

    /// Cluster ARNs, page by page (`nextToken`).
    public func listClusters() -> PaginatedSequence<String> {
        list("ListClusters", key: "clusterArns", input: { ListInput(nextToken: $0) })
    }

    /// Service ARNs in a cluster, page by page.
    public func listServices(cluster: String) -> PaginatedSequence<String> {
        list("ListServices", key: "serviceArns", input: { ListInput(nextToken: $0, cluster: cluster) })
    }

    /// Task definition ARNs with `status` (`ACTIVE` by default). moto matches `familyPrefix` as a whole family name,
    /// so scans list everything and filter by name instead.
    public func listTaskDefinitions(familyPrefix: String? = nil, status: String? = nil) -> PaginatedSequence<String> {
        list(
            "ListTaskDefinitions", key: "taskDefinitionArns",
            input: { ListInput(nextToken: $0, familyPrefix: familyPrefix, status: status) })
    }

    public func listTaskDefinitionFamilies(familyPrefix: String? = nil) -> PaginatedSequence<String> {
        list("ListTaskDefinitionFamilies", key: "families", input: { ListInput(nextToken: $0, familyPrefix: familyPrefix) })
    }

    /// One revision (`family:revision` or an ARN; a bare family means its latest active revision).
    public func describeTaskDefinition(_ taskDefinition: String) async throws -> ECSModels.TaskDefinition {
        struct Input: Encodable { let taskDefinition: String }
        struct Output: Decodable { let taskDefinition: ECSModels.TaskDefinition }
        return try await runtime.callJSON(
            Self.service, "DescribeTaskDefinition", Input(taskDefinition: taskDefinition), as: Output.self
        ).taskDefinition
    }

    struct ListInput: Encodable {
        var nextToken: String?
        var cluster: String?
        var familyPrefix: String?
        var status: String?
    }

    private func list(
        _ operation: String, key: String, input: @escaping @Sendable (String?) -> ListInput
    ) -> PaginatedSequence<String> {
        let runtime = self.runtime
        return PaginatedSequence { token in
            let output = try await runtime.callJSON(Self.service, operation, input(token), as: JSONValue.self)
            var items: [String] = []
            if case .array(let values)? = output[key] { items = values.compactMap(\.stringValue) }
            return (items, output["nextToken"]?.stringValue)
        }
    }
}
