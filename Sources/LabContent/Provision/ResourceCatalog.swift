/// Every resource kind a lab's `provision:` may declare: the base infrastructure LabGuide can create for a learner.
/// `LabChecks` implements observe, ensure and remove for each name.
public enum ResourceCatalog {
    public static let specifications: [ResourceSpecification] = [
        .init(
            "iam.role", summary: "IAM role {{role}} trusted by {{trustedService}}", rank: 0,
            [
                .init("role"), .init("trustedService"),
                .optional("policyName", clause: ", with inline policy {{policyName}}"),
                .optional("allowedActions", .list, clause: " allowing {{allowedActions}}"),
                .optional("policyResource", clause: " on {{policyResource}}"),
            ],
            names: [
                "role": .iam("IAM role names", maximumLength: 64), "policyName": .iam("IAM policy names", maximumLength: 128),
            ],
            requiredTogether: ["policyName", "allowedActions"]),
        .init(
            "logs.log-group", summary: "CloudWatch Logs log group {{logGroup}}", rank: 1, [.init("logGroup")],
            names: ["logGroup": .logGroup]),
        .init(
            "ec2.security-group", summary: "security group {{securityGroup}} in the default VPC", rank: 2,
            [
                .init("securityGroup"), .optional("description", clause: ""),
                .optional("selfIngressPort", .integer, clause: ", open to its own members on TCP port {{selfIngressPort}}"),
            ],
            names: ["securityGroup": .securityGroup]),
        .init(
            "servicediscovery.namespace", summary: "Cloud Map HTTP namespace {{namespace}}", rank: 3,
            [.init("namespace")], names: ["namespace": .httpNamespace]),
        .init("ecs.cluster", summary: "ECS cluster {{cluster}}", rank: 4, [.init("cluster")], names: ["cluster": .cluster]),
    ]

    private static let specificationByName = Dictionary(uniqueKeysWithValues: specifications.map { ($0.kind, $0) })

    /// Every kind, in dependency order (what others may refer to comes first).
    public static var names: [String] { specifications.map(\.kind) }

    public static func specification(named kind: String) -> ResourceSpecification? {
        specificationByName[kind]
    }
}

/// One provisionable kind: its parameters (in the check syntax), the AWS name rule of each name parameter, and its
/// place in dependency order.
public struct ResourceSpecification: Sendable {
    public let kind: String
    /// Creation order: lower ranks first; removal runs in the reverse order.
    public let rank: Int
    /// The parameters and summary, shared with the check machinery.
    public let declaration: CheckSpecification
    /// The AWS rule for each parameter that becomes a name.
    public let nameRules: [String: AWSNameRule]
    /// Optional parameters that only make sense together (an inline policy's name and its actions).
    public let requiredTogether: [String]

    init(
        _ kind: String, summary: String, rank: Int, _ parameters: [CheckSpecification.Parameter],
        names: [String: AWSNameRule], requiredTogether: [String] = []
    ) {
        self.kind = kind
        self.rank = rank
        self.declaration = CheckSpecification(
            kind, summary: summary, parameters.map { $0.withNameRule(names[$0.name] ?? $0.nameRule) })
        self.nameRules = names
        self.requiredTogether = requiredTogether
    }

    /// The parameter whose value is the resource's own name (the first one).
    public var nameParameter: String { declaration.parameters[0].name }
}
