/// The kinds a scan finds and a remover deletes: the provisionable kinds plus what the lab's own commands create.
public enum ResourceKind {
    public static let role = "iam.role"
    public static let logGroup = "logs.log-group"
    public static let securityGroup = "ec2.security-group"
    public static let cluster = "ecs.cluster"
    public static let ecsService = "ecs.service"
    public static let taskDefinition = "ecs.task-definition"
    public static let namespace = "servicediscovery.namespace"
    public static let cloudMapService = "servicediscovery.service"
    public static let mesh = "appmesh.mesh"
    public static let virtualNode = "appmesh.virtual-node"
    public static let virtualRouter = "appmesh.virtual-router"
    public static let route = "appmesh.route"
    public static let topic = "sns.topic"
    public static let subscription = "sns.subscription"
    public static let queue = "sqs.queue"
    public static let function = "lambda.function"
    public static let table = "dynamodb.table"
    public static let alarm = "cloudwatch.alarm"
    public static let dashboard = "cloudwatch.dashboard"

    static let lambdaLogGroupPath = "/aws/lambda/"

    /// Removal order: what depends on others goes first. Services before their task definitions and cluster (their
    /// tasks hold Cloud Map registrations and network interfaces), routes → routers → nodes → mesh, Cloud Map
    /// services before namespaces, subscriptions before topics, functions before the roles they run as, and the
    /// security group last, once no task holds an interface in it.
    public static let removalOrder = [
        ecsService, taskDefinition, route, virtualRouter, virtualNode, mesh, cloudMapService, namespace, cluster,
        subscription, topic, queue, function, table, role, alarm, dashboard, logGroup, securityGroup,
    ]

    static func noun(_ kind: String) -> String {
        let nouns = [
            role: "IAM role", logGroup: "log group", securityGroup: "security group", cluster: "ECS cluster",
            ecsService: "ECS service", taskDefinition: "task definition", namespace: "Cloud Map namespace",
            cloudMapService: "Cloud Map service", mesh: "mesh", virtualNode: "virtual node",
            virtualRouter: "virtual router", route: "route", topic: "SNS topic", subscription: "subscription",
            queue: "SQS queue", function: "Lambda function", table: "DynamoDB table", alarm: "CloudWatch alarm",
            dashboard: "CloudWatch dashboard",
        ]
        return nouns[kind] ?? kind
    }
}
