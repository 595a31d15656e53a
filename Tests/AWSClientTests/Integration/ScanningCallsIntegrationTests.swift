import AWSClient
import Foundation
import MotoTestSupport
import Testing

/// The calls provisioning and cleanup scans need (EC2 security groups, CloudWatch Logs, IAM role listing and tags,
/// dashboards, ECS listings, account-wide SNS subscriptions), against a moto that checks every signature.
@Suite("Scanning and cleanup calls against moto", .serialized, .motoServer(signatureChecking: true))
struct ScanningCallsIntegrationTests {
    func makeRuntime() async throws -> AWSRuntime {
        try await SandboxAccount.makeSignedRuntime(server: MotoServer.require())
    }

    @Test("EC2: the default VPC, a self-referencing security group with tags, and its deletion")
    func securityGroups() async throws {
        let ec2 = EC2Client(runtime: try await makeRuntime())
        let vpcID = try #require(try await ec2.defaultVPCID())
        #expect(vpcID.hasPrefix("vpc-"))
        let groupID = try await ec2.createSecurityGroup(
            name: "lg-scan-services", description: "service-to-service", vpcID: vpcID, tags: ["labguide:lab": "demo"])
        try await ec2.authorizeIngress(groupID: groupID, ipProtocol: "tcp", port: 8080, sourceGroupID: groupID)
        let found = try await ec2.describeSecurityGroups(
            filters: [.init(name: "group-name", values: ["lg-scan-services"])])
        #expect(found.map(\.groupID) == [groupID])
        #expect(found.first?.tags == ["labguide:lab": "demo"])
        #expect(found.first?.ingress.first?.sourceGroupIDs == [groupID])
        #expect(found.first?.ingress.first?.fromPort == 8080)
        try await ec2.deleteSecurityGroup(id: groupID)
        let error = try await #require(throws: AWSError.self) { try await ec2.deleteSecurityGroup(id: groupID) }
        #expect(error.code == "InvalidGroup.NotFound")
    }

    @Test("CloudWatch Logs: create with tags, list by prefix, delete; a second create is ResourceAlreadyExists")
    func logGroups() async throws {
        let logs = CloudWatchLogsClient(runtime: try await makeRuntime())
        try await logs.createLogGroup(name: "lg-scan-app", tags: ["labguide:learner": "ana"])
        let again = try await #require(throws: AWSError.self) { try await logs.createLogGroup(name: "lg-scan-app") }
        #expect(again.code == "ResourceAlreadyExistsException")
        let groups = try await logs.describeLogGroups(prefix: "lg-scan-").collect()
        #expect(groups.map(\.logGroupName) == ["lg-scan-app"])
        let arn = try #require(groups.first?.logGroupArn)
        #expect(try await logs.listTags(resourceARN: arn) == ["labguide:learner": "ana"])
        try await logs.deleteLogGroup(name: "lg-scan-app")
        #expect(try await logs.describeLogGroups(prefix: "lg-scan-").collect().isEmpty)
    }

    @Test("IAM: roles listed page by page, tagged, with their attached policies")
    func roles() async throws {
        let iam = IAMClient(runtime: try await makeRuntime())
        let trust = #"{"Version":"2012-10-17","Statement":[]}"#
        for name in ["lg-scan-a", "lg-scan-b", "lg-scan-c"] {
            _ = try await iam.createRole(name: name, assumeRolePolicyDocument: trust, tags: ["labguide:lab": "demo"])
        }
        let names = try await iam.listRoles(pageSize: 2).collect().map(\.name)
        #expect(Set(names).isSuperset(of: ["lg-scan-a", "lg-scan-b", "lg-scan-c"]))
        try await iam.tagRole(name: "lg-scan-a", tags: ["labguide:learner": "ana"])
        #expect(try await iam.listRoleTags(name: "lg-scan-a") == ["labguide:lab": "demo", "labguide:learner": "ana"])
        let allow = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:ListQueues","Resource":"*"}]}"#
        let policy = try await iam.createPolicy(name: "lg-scan-policy", policyDocument: allow)
        try await iam.attachRolePolicy(roleName: "lg-scan-a", policyARN: policy)
        #expect(try await iam.listAttachedRolePolicies(roleName: "lg-scan-a").map(\.arn) == [policy])
        try await iam.detachRolePolicy(roleName: "lg-scan-a", policyARN: policy)
        #expect(try await iam.listAttachedRolePolicies(roleName: "lg-scan-a").isEmpty)
    }

    @Test("CloudWatch dashboards listed by prefix and deleted")
    func dashboards() async throws {
        let cloudWatch = CloudWatchClient(runtime: try await makeRuntime())
        _ = try await cloudWatch.putDashboard(name: "lg-scan-board", body: #"{"widgets":[]}"#)
        #expect(try await cloudWatch.listDashboards(prefix: "lg-scan-").collect() == ["lg-scan-board"])
        try await cloudWatch.deleteDashboards(names: ["lg-scan-board"])
        #expect(try await cloudWatch.listDashboards(prefix: "lg-scan-").collect().isEmpty)
        let error = try await #require(throws: AWSError.self) {
            try await cloudWatch.deleteDashboards(names: ["lg-scan-board"])
        }
        #expect(error.code == "ResourceNotFound")
    }

    @Test("ECS: clusters, services and task definitions listed; a revision's cpu and memory described")
    func ecsListing() async throws {
        let ecs = ECSClient(runtime: try await makeRuntime())
        let cluster = try await ecs.createCluster(name: "lg-scan-cluster", tags: ["labguide:lab": "demo"])
        #expect(try await ecs.listClusters().collect().contains(cluster.clusterArn))
        let container = ECSModels.ContainerDefinition(name: "app", image: "public.ecr.aws/nginx/nginx:latest")
        let registered = try await ecs.registerTaskDefinition(
            family: "lg-scan-order", containers: [container], cpu: "512", memory: "1024")
        var service = ECSClient.ServiceDefinition(
            cluster: "lg-scan-cluster", name: "lg-scan-order", taskDefinition: registered.taskDefinitionArn)
        service.desiredCount = 2
        _ = try await ecs.createService(service)
        let services = try await ecs.listServices(cluster: "lg-scan-cluster").collect()
        #expect(services.count == 1 && services.first?.hasSuffix("/lg-scan-order") == true)
        #expect(try await ecs.listTaskDefinitions().collect().contains(registered.taskDefinitionArn))
        #expect(try await ecs.listTaskDefinitionFamilies().collect().contains("lg-scan-order"))
        let described = try await ecs.describeTaskDefinition("lg-scan-order")
        #expect(described.cpu == "512" && described.memory == "1024")
        try await ecs.deregisterTaskDefinition(registered.taskDefinitionArn)
        #expect(!(try await ecs.listTaskDefinitions().collect().contains(registered.taskDefinitionArn)))
        let inactive = try await ecs.listTaskDefinitions(status: "INACTIVE").collect()
        #expect(inactive.contains(registered.taskDefinitionArn))
    }

    @Test("SNS: subscriptions listed for the whole account")
    func accountSubscriptions() async throws {
        let runtime = try await makeRuntime()
        let sns = SNSClient(runtime: runtime)
        let topic = try await sns.createTopic(name: "lg-scan-topic")
        let queueURL = try await SQSClient(runtime: runtime).createQueue(name: "lg-scan-queue")
        let queueARN = try await SQSClient(runtime: runtime).getQueueAttributes(url: queueURL, names: ["QueueArn"])
        let subscription = try await sns.subscribe(
            topicARN: topic, protocolName: "sqs", endpoint: try #require(queueARN["QueueArn"]))
        let all = try await sns.listSubscriptions().collect()
        #expect(all.contains { $0.subscriptionARN == subscription && $0.topicARN == topic })
    }
}
