/// Every check a lab may declare, as listed in `labs/README.md`; `LabChecks` implements the same names.
public enum CheckCatalog {
    public static let specifications: [CheckSpecification] = [
        .init("appmesh.mesh", summary: "mesh {{mesh}} exists", [.init("mesh")]),
        .init(
            "appmesh.virtual-node", summary: "virtual node {{virtualNode}} exists in mesh {{mesh}}",
            [
                .init("mesh"), .init("virtualNode"), .optional("port", .integer, clause: ", listening on port {{port}}"),
                .optional("serviceDiscovery", clause: ", discovered as {{serviceDiscovery}}"),
                .optional("backends", .list, clause: ", with backends {{backends}}"),
            ]),
        .init(
            "appmesh.virtual-router", summary: "virtual router {{virtualRouter}} exists in mesh {{mesh}}",
            [.init("mesh"), .init("virtualRouter"), .optional("port", .integer, clause: ", listening on port {{port}}")]),
        .init(
            "appmesh.route", summary: "route {{route}} exists on virtual router {{virtualRouter}} in mesh {{mesh}}",
            [
                .init("mesh"), .init("virtualRouter"), .init("route"),
                .optional("targets", .list, clause: ", sending traffic to {{targets}}"),
            ]),
        .init(
            "appmesh.virtual-service", summary: "virtual service {{virtualService}} exists in mesh {{mesh}}",
            isSupportedByEmulator: false,
            [.init("mesh"), .init("virtualService"), .optional("provider", clause: ", provided by {{provider}}")]),
        .init("servicediscovery.namespace", summary: "Cloud Map namespace {{namespace}} exists", [.init("namespace")]),
        .init(
            "servicediscovery.service", summary: "Cloud Map service {{service}} exists in namespace {{namespace}}",
            [.init("namespace"), .init("service")]),
        .init("ecs.cluster", summary: "ECS cluster {{cluster}} exists", [.init("cluster")]),
        .init(
            "ecs.service", summary: "ECS service {{service}} runs in cluster {{cluster}}", [.init("cluster"), .init("service")]),
        .init(
            "ecs.service-connect", summary: "ECS service {{service}} in cluster {{cluster}} uses Service Connect",
            isSupportedByEmulator: false,
            [.init("cluster"), .init("service"), .optional("discoveryName", clause: " as {{discoveryName}}")]),
        .init("sns.topic", summary: "SNS topic {{topic}} exists", [.init("topic")]),
        .init(
            "sns.subscription", summary: "queue {{queue}} is subscribed to topic {{topic}}",
            [
                .init("topic"), .init("queue"),
                .optional("filterEventTypes", .list, clause: ", filtered to event types {{filterEventTypes}}"),
                .optional("rawMessageDelivery", .boolean, clause: ", with raw message delivery {{rawMessageDelivery}}"),
            ]),
        .init(
            "sqs.queue", summary: "SQS queue {{queue}} exists",
            [
                .init("queue"),
                .optional("visibilityTimeout", .integer, clause: " with a visibility timeout of {{visibilityTimeout}} seconds"),
            ]),
        .init(
            "sqs.dead-letter-queue",
            summary: "queue {{queue}} has a dead-letter queue {{deadLetterQueue}} with maxReceiveCount {{maxReceiveCount}}",
            [.init("queue"), .init("deadLetterQueue"), .init("maxReceiveCount", .integer)]),
        .init(
            "messaging.fan-out", summary: "an event of type {{eventType}} published to topic {{topic}} reaches {{deliveredTo}}",
            [
                .init("topic"), .init("eventType"), .init("deliveredTo", .list),
                .optional("notDeliveredTo", .list, clause: " and not {{notDeliveredTo}}"),
            ]),
        .init("lambda.function", summary: "Lambda function {{function}} exists", [.init("function")]),
        .init("dynamodb.table", summary: "DynamoDB table {{table}} exists", [.init("table")]),
        .init(
            "breaker.state", summary: "the circuit breaker for {{service}} in table {{table}} is {{state}}",
            [.init("table"), .init("service"), .init("state", .oneOf(["closed", "open", "half-open"]))]),
        .init(
            "cloudwatch.alarm", summary: "CloudWatch alarm {{alarm}} exists",
            [
                .init("alarm"), .optional("metric", clause: " on metric {{metric}}"),
                .optional("namespace", clause: " in namespace {{namespace}}"),
            ]),
        .init("cloudwatch.dashboard", summary: "CloudWatch dashboard {{dashboard}} exists", [.init("dashboard")]),
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
