import AWSClient

extension ResourceRemover {
    /// The delete call (or calls) for each kind; not-found errors propagate and `remove` counts them as removed.
    func delete(_ resource: FoundResource) async throws {
        let runtime = account.runtime
        switch resource.kind {
        case ResourceKind.role: try await deleteRole(named: resource.name)
        case ResourceKind.logGroup: try await CloudWatchLogsClient(runtime: runtime).deleteLogGroup(name: resource.name)
        case ResourceKind.securityGroup: try await deleteSecurityGroup(resource)
        case ResourceKind.ecsService:
            try await ECSClient(runtime: runtime).deleteService(
                cluster: resource.parent ?? "default", service: resource.name, force: true)
        case ResourceKind.taskDefinition: try await ECSClient(runtime: runtime).deregisterTaskDefinition(resource.identifier)
        case ResourceKind.cluster: try await ECSClient(runtime: runtime).deleteCluster(resource.name)
        case ResourceKind.cloudMapService: try await CloudMapClient(runtime: runtime).deleteService(id: resource.identifier)
        case ResourceKind.namespace: try await deleteNamespace(resource)
        case ResourceKind.mesh: try await AppMeshClient(runtime: runtime).delete(.mesh, name: resource.name)
        case ResourceKind.virtualNode:
            try await AppMeshClient(runtime: runtime).delete(.virtualNode(mesh: resource.parent ?? ""), name: resource.name)
        case ResourceKind.virtualRouter:
            try await AppMeshClient(runtime: runtime).delete(.virtualRouter(mesh: resource.parent ?? ""), name: resource.name)
        case ResourceKind.route:
            let parts = (resource.parent ?? "").split(separator: "/", maxSplits: 1).map(String.init)
            let kind = AppMeshClient.Kind.route(mesh: parts.first ?? "", virtualRouter: parts.last ?? "")
            try await AppMeshClient(runtime: runtime).delete(kind, name: resource.name)
        case ResourceKind.subscription: try await SNSClient(runtime: runtime).unsubscribe(subscriptionARN: resource.identifier)
        case ResourceKind.topic: try await SNSClient(runtime: runtime).deleteTopic(arn: resource.identifier)
        case ResourceKind.queue: try await SQSClient(runtime: runtime).deleteQueue(url: resource.identifier)
        case ResourceKind.function: try await LambdaClient(runtime: runtime).deleteFunction(name: resource.name)
        case ResourceKind.table: try await DynamoDBClient(runtime: runtime).deleteTable(name: resource.name)
        case ResourceKind.alarm: try await CloudWatchClient(runtime: runtime).deleteAlarms(names: [resource.name])
        case ResourceKind.dashboard: try await CloudWatchClient(runtime: runtime).deleteDashboards(names: [resource.name])
        default: throw ResourceProvisioner.UnknownKind(kind: resource.kind)
        }
    }

    /// IAM refuses to delete a role that still has policies: inline ones are deleted, managed ones detached.
    func deleteRole(named name: String) async throws {
        let iam = IAMClient(runtime: account.runtime)
        for policyName in try await iam.listRolePolicies(roleName: name) {
            try await iam.deleteRolePolicy(roleName: name, policyName: policyName)
        }
        for policy in try await iam.listAttachedRolePolicies(roleName: name) {
            try await iam.detachRolePolicy(roleName: name, policyARN: policy.arn)
        }
        try await iam.deleteRole(name: name)
    }

    /// By group id; a ledger entry without one is looked up by name first.
    func deleteSecurityGroup(_ resource: FoundResource) async throws {
        let ec2 = EC2Client(runtime: account.runtime)
        var groupID = resource.identifier
        if !groupID.hasPrefix("sg-") {
            let groups = try await ec2.describeSecurityGroups(filters: [.init(name: "group-name", values: [resource.name])])
            guard let found = groups.first else { return }
            groupID = found.groupID
        }
        try await ec2.deleteSecurityGroup(id: groupID)
    }

    /// By namespace id; deletion is asynchronous on AWS, and the final scan shows a namespace still going.
    func deleteNamespace(_ resource: FoundResource) async throws {
        let cloudMap = CloudMapClient(runtime: account.runtime)
        var namespaceID = resource.identifier
        if !namespaceID.hasPrefix("ns-") {
            guard let found = try await cloudMap.listNamespaces().collect().first(where: { $0.Name == resource.name }) else {
                return
            }
            namespaceID = found.Id
        }
        _ = try await cloudMap.deleteNamespace(id: namespaceID)
    }
}
