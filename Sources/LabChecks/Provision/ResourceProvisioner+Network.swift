import AWSClient

extension ResourceProvisioner {
    func observeLogGroup(_ resource: PlannedResource) async throws -> ResourceObservation {
        let logs = CloudWatchLogsClient(runtime: runtime)
        let groups = try await logs.describeLogGroups(prefix: resource.name).collect()
        guard let group = groups.first(where: { $0.logGroupName == resource.name }) else { return .missing }
        return .found(group.logGroupArn ?? resource.name)
    }

    func ensureLogGroup(_ resource: PlannedResource) async throws -> EnsureOutcome {
        if let identifier = try await observeLogGroup(resource).identifier { return .alreadyPresent(identifier: identifier) }
        let logs = CloudWatchLogsClient(runtime: runtime)
        do {
            try await logs.createLogGroup(name: resource.name, tags: account.tags)
        } catch let error as AWSError where error.code == "ResourceAlreadyExistsException" {
            // Created between the look and the create (another job): it is there, which is all ensure promises.
        }
        let identifier = try await observeLogGroup(resource).identifier ?? resource.name
        return .created(identifier: identifier)
    }

    /// The group (by name, in the default VPC) with the VPC id, which creating it needs.
    func observeSecurityGroup(_ resource: PlannedResource) async throws -> (
        observation: ResourceObservation, vpcID: String?
    ) {
        let ec2 = EC2Client(runtime: runtime)
        let vpcID = try await ec2.defaultVPCID()
        var filters = [EC2Client.Filter(name: "group-name", values: [resource.name])]
        if let vpcID { filters.append(.init(name: "vpc-id", values: [vpcID])) }
        guard let group = try await ec2.describeSecurityGroups(filters: filters).first else { return (.missing, vpcID) }
        var differences: [String] = []
        if let port = resource.integer("selfIngressPort"), !Self.allowsItself(group, port: port) {
            differences.append("it does not let its own members in on TCP port \(port)")
        }
        return (.found(group.groupID, differences: differences), vpcID)
    }

    func ensureSecurityGroup(_ resource: PlannedResource) async throws -> EnsureOutcome {
        let ec2 = EC2Client(runtime: runtime)
        let (observation, vpcID) = try await observeSecurityGroup(resource)
        if let identifier = observation.identifier, observation.state == .matching {
            return .alreadyPresent(identifier: identifier)
        }
        let groupID: String
        if let identifier = observation.identifier {
            groupID = identifier
        } else {
            guard let vpcID else {
                throw AWSError(
                    kind: .service, code: "NoDefaultVpc",
                    message: "the account has no default VPC in \(account.region); create one with aws ec2 create-default-vpc",
                    service: "EC2", operation: "DescribeVpcs")
            }
            groupID = try await ec2.createSecurityGroup(
                name: resource.name, description: resource.text("description") ?? resource.summary, vpcID: vpcID,
                tags: account.tags)
        }
        if let port = resource.integer("selfIngressPort") {
            try await ec2.authorizeIngress(groupID: groupID, ipProtocol: "tcp", port: port, sourceGroupID: groupID)
        }
        return observation.identifier == nil
            ? .created(identifier: groupID) : .converged(identifier: groupID, changes: observation.differences)
    }

    static func allowsItself(_ group: EC2Client.SecurityGroup, port: Int) -> Bool {
        group.ingress.contains { rule in
            (rule.ipProtocol == "tcp" || rule.ipProtocol == "-1") && (rule.fromPort ?? 0) <= port
                && port <= (rule.toPort ?? 65535) && rule.sourceGroupIDs.contains(group.groupID)
        }
    }
}
