/// Every check a lab may declare, as listed in `labs/README.md`; `LabChecks` implements the same names.
public enum CheckCatalog {
    public static let specifications: [CheckSpecification] = [
        .init("appmesh.mesh", summary: "mesh {{mesh}} exists", [.init("mesh", rule: .appMesh)]),
        .init(
            "appmesh.virtual-node", summary: "virtual node {{virtualNode}} exists in mesh {{mesh}}",
            [
                .init("mesh", rule: .appMesh), .init("virtualNode", rule: .appMesh),
                .optional("port", .integer, clause: ", listening on port {{port}}"),
                .optional("serviceDiscovery", rule: .cloudMapService, clause: ", discovered as {{serviceDiscovery}}"),
                .optional("backends", .list, rule: .appMesh, clause: ", with backends {{backends}}"),
            ]),
        .init(
            "appmesh.virtual-router", summary: "virtual router {{virtualRouter}} exists in mesh {{mesh}}",
            [
                .init("mesh", rule: .appMesh), .init("virtualRouter", rule: .appMesh),
                .optional("port", .integer, clause: ", listening on port {{port}}"),
            ]),
        .init(
            "appmesh.route", summary: "route {{route}} exists on virtual router {{virtualRouter}} in mesh {{mesh}}",
            [
                .init("mesh", rule: .appMesh), .init("virtualRouter", rule: .appMesh), .init("route", rule: .appMesh),
                .optional("targets", .list, rule: .appMesh, clause: ", sending traffic to {{targets}}"),
            ]),
        .init(
            "appmesh.virtual-service", summary: "virtual service {{virtualService}} exists in mesh {{mesh}}",
            isSupportedByEmulator: false,
            [
                .init("mesh", rule: .appMesh), .init("virtualService", rule: .appMesh),
                .optional("provider", rule: .appMesh, clause: ", provided by {{provider}}"),
            ]),
        .init(
            "servicediscovery.namespace", summary: "Cloud Map namespace {{namespace}} exists",
            [.init("namespace", rule: .httpNamespace)]),
        .init(
            "servicediscovery.service", summary: "Cloud Map service {{service}} exists in namespace {{namespace}}",
            [.init("namespace", rule: .httpNamespace), .init("service", rule: .cloudMapService)]),
        .init("ecs.cluster", summary: "ECS cluster {{cluster}} exists", [.init("cluster", rule: .cluster)]),
        .init(
            "ecs.service", summary: "ECS service {{service}} runs in cluster {{cluster}}",
            [.init("cluster", rule: .cluster), .init("service", rule: .ecsService)]),
        .init(
            "ecs.service-connect", summary: "ECS service {{service}} in cluster {{cluster}} uses Service Connect",
            isSupportedByEmulator: false,
            [
                .init("cluster", rule: .cluster), .init("service", rule: .ecsService),
                .optional("discoveryName", rule: .serviceConnectDiscoveryName, clause: " as {{discoveryName}}"),
            ]),
        .init("sns.topic", summary: "SNS topic {{topic}} exists", [.init("topic", rule: .snsTopic)]),
        .init(
            "sns.subscription", summary: "queue {{queue}} is subscribed to topic {{topic}}",
            [
                .init("topic", rule: .snsTopic), .init("queue", rule: .sqsQueue),
                .optional("filterEventTypes", .list, clause: ", filtered to event types {{filterEventTypes}}"),
                .optional("rawMessageDelivery", .boolean, clause: ", with raw message delivery {{rawMessageDelivery}}"),
            ]),
        .init(
            "sqs.queue", summary: "SQS queue {{queue}} exists",
            [
                .init("queue", rule: .sqsQueue),
                .optional("visibilityTimeout", .integer, clause: " with a visibility timeout of {{visibilityTimeout}} seconds"),
            ]),
        .init(
            "sqs.dead-letter-queue",
            summary: "queue {{queue}} has a dead-letter queue {{deadLetterQueue}} with maxReceiveCount {{maxReceiveCount}}",
            [
                .init("queue", rule: .sqsQueue), .init("deadLetterQueue", rule: .sqsQueue),
                .init("maxReceiveCount", .integer),
            ]),
        .init(
            "messaging.fan-out", summary: "an event of type {{eventType}} published to topic {{topic}} reaches {{deliveredTo}}",
            [
                .init("topic", rule: .snsTopic), .init("eventType"), .init("deliveredTo", .list, rule: .sqsQueue),
                .optional("notDeliveredTo", .list, rule: .sqsQueue, clause: " and not {{notDeliveredTo}}"),
            ]),
        .init(
            "lambda.function", summary: "Lambda function {{function}} exists",
            [.init("function", rule: .lambdaFunction)]),
        .init("dynamodb.table", summary: "DynamoDB table {{table}} exists", [.init("table", rule: .dynamoDBTable)]),
        .init(
            "breaker.state", summary: "the circuit breaker for {{service}} in table {{table}} is {{state}}",
            [
                .init("table", rule: .dynamoDBTable), .init("service"),
                .init("state", .oneOf(["closed", "open", "half-open"])),
            ]),
        .init(
            "cloudwatch.alarm", summary: "CloudWatch alarm {{alarm}} exists",
            [
                .init("alarm", rule: .cloudWatchAlarm),
                .optional("metric", rule: .cloudWatchMetric, clause: " on metric {{metric}}"),
                .optional("namespace", rule: .cloudWatchNamespace, clause: " in namespace {{namespace}}"),
            ]),
        .init(
            "cloudwatch.dashboard", summary: "CloudWatch dashboard {{dashboard}} exists",
            [.init("dashboard", rule: .cloudWatchDashboard)]),
        .init("xray.traces", summary: "X-Ray has recorded traces", [.optional("service", clause: " for service {{service}}")]),
        .init("cleanup.no-leftovers", summary: "no resources named {{prefix}}… are left", [.init("prefix")]),
    ]

    private static let specificationByName = Dictionary(uniqueKeysWithValues: specifications.map { ($0.name, $0) })

    /// Every check name, in the order of the table in `labs/README.md`.
    public static var names: [String] { specifications.map(\.name) }

    public static func specification(named name: String) -> CheckSpecification? {
        specificationByName[name]
    }

    /// False for checks the sandbox emulator cannot answer; unknown names count as unsupported.
    public static func isSupportedByEmulator(_ name: String) -> Bool {
        specificationByName[name]?.isSupportedByEmulator ?? false
    }
}
