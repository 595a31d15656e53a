import AWSClient
import Foundation
import MotoTestSupport
import Testing

/// Every typed operation of the services moto can check signatures for (IAM, SNS, SQS, DynamoDB, ECS, Cloud Map,
/// CloudWatch, Lambda), on the success path plus a not-found error, against one moto with signature checking on.
/// The per-service tests live in extensions of this suite.
@Suite("Services against moto (signatures checked)", .serialized, .motoServer(signatureChecking: true))
struct SignedServicesIntegrationTests {
    func makeRuntime() async throws -> AWSRuntime {
        try await SandboxAccount.makeSignedRuntime(server: MotoServer.require())
    }

    @Test("IAM roles and inline role policies")
    func iamRoles() async throws {
        let iam = IAMClient(runtime: try await makeRuntime())
        let trust =
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
        let created = try await iam.createRole(name: "lg-test-role", assumeRolePolicyDocument: trust)
        #expect(created.arn == "arn:aws:iam::123456789012:role/lg-test-role")
        let fetched = try await iam.getRole(name: "lg-test-role")
        #expect(fetched.roleID == created.roleID)
        #expect(fetched.assumeRolePolicyDocument?.contains("lambda.amazonaws.com") == true)

        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:*","Resource":"*"}]}"#
        try await iam.putRolePolicy(roleName: "lg-test-role", policyName: "queues", policyDocument: policy)
        #expect(try await iam.listRolePolicies(roleName: "lg-test-role") == ["queues"])
        #expect(try await iam.getRolePolicy(roleName: "lg-test-role", policyName: "queues").contains("sqs:*"))
        try await iam.deleteRolePolicy(roleName: "lg-test-role", policyName: "queues")
        #expect(try await iam.listRolePolicies(roleName: "lg-test-role").isEmpty)
        try await iam.deleteRole(name: "lg-test-role")

        let error = try await #require(throws: AWSError.self) { try await iam.getRole(name: "lg-test-role") }
        #expect(error.code == "NoSuchEntity")
        #expect(error.statusCode == 404)
        #expect(error.service == "IAM" && error.operation == "GetRole")
    }

    @Test("DynamoDB tables and items")
    func dynamoDB() async throws {
        let dynamo = DynamoDBClient(runtime: try await makeRuntime())
        let table = try await dynamo.createTable(
            name: "lg-orders", keySchema: [.init(name: "id", keyType: "HASH")], attributes: [.init(name: "id", type: "S")])
        #expect(table.TableName == "lg-orders")
        #expect(try await dynamo.describeTable(name: "lg-orders").TableStatus == "ACTIVE")
        #expect(try await dynamo.listTables(pageSize: 1).collect().contains("lg-orders"))

        let item: DynamoDBClient.Item = [
            "id": .string("order-1"), "quantity": .number("3"), "paid": .bool(true),
            "lines": .list([.map(["sku": .string("A-1")])]),
        ]
        try await dynamo.putItem(table: "lg-orders", item: item)
        #expect(try await dynamo.getItem(table: "lg-orders", key: ["id": .string("order-1")], consistentRead: true) == item)
        #expect(try await dynamo.getItem(table: "lg-orders", key: ["id": .string("missing")]) == nil)

        try await dynamo.deleteTable(name: "lg-orders")
        let error = try await #require(throws: AWSError.self) { try await dynamo.describeTable(name: "lg-orders") }
        #expect(error.code == "ResourceNotFoundException")
    }

    @Test("CloudWatch alarms, dashboards and metrics")
    func cloudWatch() async throws {
        let cloudWatch = CloudWatchClient(runtime: try await makeRuntime())
        var alarm = CloudWatchClient.AlarmDefinition(
            name: "lg-dlq-not-empty", namespace: "AWS/SQS", metricName: "ApproximateNumberOfMessagesVisible",
            threshold: 1)
        alarm.dimensions = [.init(name: "QueueName", value: "lg-orders-dlq")]
        try await cloudWatch.putMetricAlarm(alarm)
        let alarms = try await cloudWatch.describeAlarms(names: ["lg-dlq-not-empty"]).collect()
        #expect(alarms.map(\.alarmName) == ["lg-dlq-not-empty"])
        #expect(alarms.first?.threshold == 1)
        #expect(alarms.first?.comparisonOperator == "GreaterThanOrEqualToThreshold")
        try await cloudWatch.deleteAlarms(names: ["lg-dlq-not-empty"])
        #expect(try await cloudWatch.describeAlarms(names: ["lg-dlq-not-empty"]).collect().isEmpty)

        let body = #"{"widgets":[{"type":"text","x":0,"y":0,"width":6,"height":3,"properties":{"markdown":"hi"}}]}"#
        try await cloudWatch.putDashboard(name: "lg-dashboard", body: body)
        #expect(try await cloudWatch.getDashboard(name: "lg-dashboard").contains("markdown"))

        try await cloudWatch.putMetricData(
            namespace: "LabGuide/Test",
            data: [.init(metricName: "OrdersPlaced", value: 2, unit: "Count", dimensions: [.init(name: "Lab", value: "x")])])
        let metrics = try await cloudWatch.listMetrics(namespace: "LabGuide/Test").collect()
        #expect(metrics.map(\.metricName) == ["OrdersPlaced"])
        #expect(metrics.first?.dimensions == [.init(name: "Lab", value: "x")])

        let error = try await #require(throws: AWSError.self) { try await cloudWatch.getDashboard(name: "missing") }
        #expect(error.code == "ResourceNotFound")
    }
}
