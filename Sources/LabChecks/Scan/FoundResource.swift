/// One resource found in a learner's account (by a scan) or remembered by the ledger.
public struct FoundResource: Sendable, Codable, Hashable {
    /// `ecs.service`, `appmesh.route`… (`ResourceKind` lists them).
    public let kind: String
    public let name: String
    /// What the delete call takes: an ARN, a queue URL, a group or namespace id, or the name itself.
    public let identifier: String
    /// The container it lives in: the cluster of a service, the mesh of a node, `mesh/router` for a route, the
    /// namespace of a Cloud Map service, the topic of a subscription.
    public let parent: String?
    /// US dollars per hour while it runs, where the lab's prices say; nil for what costs nothing by the hour.
    public var hourlyCost: Double?
    /// How the cost was worked out ("2 tasks × 0.25 vCPU, 0.5 GB on Fargate; 2 Envoy proxies").
    public var costDetail: String?

    public init(
        kind: String, name: String, identifier: String, parent: String? = nil, hourlyCost: Double? = nil,
        costDetail: String? = nil
    ) {
        self.kind = kind
        self.name = name
        self.identifier = identifier
        self.parent = parent
        self.hourlyCost = hourlyCost
        self.costDetail = costDetail
    }

    /// The same resource whichever way it was found: ledger entries and scan results merge on this.
    public var key: String { "\(kind) \(parent.map { $0 + "/" } ?? "")\(name)" }

    /// The name the learner's prefix must start: the resource's own, or for resources that live inside a container
    /// with names of their own choosing (mesh nodes, Cloud Map services, subscriptions), the container's. A Lambda
    /// function's log group `/aws/lambda/<function>` belongs to the function.
    public var ownerName: String {
        switch kind {
        case ResourceKind.virtualNode, ResourceKind.virtualRouter, ResourceKind.cloudMapService, ResourceKind.subscription:
            return parent ?? name
        case ResourceKind.route:
            return parent.map { String($0.prefix { $0 != "/" }) } ?? name
        case ResourceKind.logGroup where name.hasPrefix(ResourceKind.lambdaLogGroupPath):
            return String(name.dropFirst(ResourceKind.lambdaLogGroupPath.count))
        default:
            return name
        }
    }

    /// One line for the dry run and the report: "ECS service lg-ana-7f3k-order in cluster lg-ana-7f3k-cluster".
    public var summary: String {
        let noun = ResourceKind.noun(kind)
        guard let parent else { return "\(noun) \(name)" }
        return "\(noun) \(name) in \(parent)"
    }
}
