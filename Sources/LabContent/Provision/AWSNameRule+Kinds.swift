/// The name rules of the kinds the labs use, each as the AWS API reference (and botocore's service model, where it
/// has a pattern) states it.
extension AWSNameRule {
    private static let lettersDigitsDashUnderscore = "letters, digits, '-' and '_'"

    /// SQS `CreateQueue` `QueueName`: up to 80 alphanumerics, `-` and `_`; a FIFO queue ends in `.fifo`, which
    /// counts toward the 80.
    static let sqsQueue = AWSNameRule(
        "SQS queue names", length: 1...80, allowed: lettersDigitsDashUnderscore, alphanumeric(or: "-_"),
        suffix: ".fifo")

    /// SNS `CreateTopic` `Name`: 1 to 256 ASCII letters, digits, `_` and `-`; a FIFO topic ends in `.fifo`.
    static let snsTopic = AWSNameRule(
        "SNS topic names", length: 1...256, allowed: lettersDigitsDashUnderscore, alphanumeric(or: "-_"),
        suffix: ".fifo")

    /// DynamoDB naming rules: table names are 3 to 255 of `a-z A-Z 0-9 _ - .` (botocore `TableName`).
    static let dynamoDBTable = AWSNameRule(
        "DynamoDB table names", length: 3...255, allowed: "letters, digits, '_', '-' and '.'", alphanumeric(or: "_-."))

    /// Lambda `FunctionName`: a name alone is limited to 64 characters of `[a-zA-Z0-9-_]` (the 140 of the model
    /// is for a full ARN).
    static let lambdaFunction = AWSNameRule(
        "Lambda function names", length: 1...64, allowed: lettersDigitsDashUnderscore, alphanumeric(or: "-_"))

    /// ECS `CreateCluster` `clusterName`: up to 255 letters, numbers, underscores and hyphens.
    static let cluster = AWSNameRule(
        "ECS cluster names", length: 1...255, allowed: lettersDigitsDashUnderscore, alphanumeric(or: "-_"))

    /// ECS `CreateService` `serviceName`: up to 255 letters, numbers, underscores and hyphens.
    static let ecsService = AWSNameRule(
        "ECS service names", length: 1...255, allowed: lettersDigitsDashUnderscore, alphanumeric(or: "-_"))

    /// ECS `ServiceConnectService` `discoveryName`: up to 64 lowercase letters, numbers, `_` and `-`, not starting
    /// with `-`.
    static let serviceConnectDiscoveryName = AWSNameRule(
        "Service Connect discovery names", length: 1...64, allowed: "lowercase letters, digits, '-' and '_'",
        { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }, reserved: ["-"])

    /// CloudWatch `PutMetricAlarm` `AlarmName`: 1 to 255 UTF-8 characters without ASCII control characters.
    static let cloudWatchAlarm = AWSNameRule(
        "CloudWatch alarm names", length: 1...255, allowed: "any characters but control characters",
        { !($0.value < 0x20 || $0.value == 0x7F) })

    /// CloudWatch `PutDashboard` `DashboardName`: at most 255 of `A-Z a-z 0-9 - _`.
    static let cloudWatchDashboard = AWSNameRule(
        "CloudWatch dashboard names", length: 1...255, allowed: lettersDigitsDashUnderscore, alphanumeric(or: "-_"))

    /// CloudWatch `Namespace`: 1 to 255 characters, not starting with `:` (botocore pattern `[^:].*`).
    static let cloudWatchNamespace = AWSNameRule(
        "CloudWatch namespaces", length: 1...255, allowed: "any characters but control characters",
        { !($0.value < 0x20 || $0.value == 0x7F) }, reserved: [":"])

    /// CloudWatch `MetricName`: 1 to 255 characters.
    static let cloudWatchMetric = AWSNameRule(
        "CloudWatch metric names", length: 1...255, allowed: "any characters but control characters",
        { !($0.value < 0x20 || $0.value == 0x7F) })

    /// App Mesh `ResourceName` (meshes, virtual nodes, routers, routes and virtual services): 1 to 255 characters;
    /// the API states no character set.
    static let appMesh = AWSNameRule(
        "App Mesh names", length: 1...255, allowed: "any characters but control characters",
        { !($0.value < 0x20 || $0.value == 0x7F) })

    /// Cloud Map `CreateHttpNamespace` `Name`: `^(?!arn:)[!-~]{1,1024}$`, printable ASCII without spaces and not an
    /// ARN. The checks accept any namespace type, and every DNS namespace name also fits this rule.
    static let httpNamespace = AWSNameRule(
        "Cloud Map namespace names", length: 1...1024, allowed: "printable ASCII characters other than spaces",
        { $0.value >= 0x21 && $0.value <= 0x7E }, reserved: ["arn:"])

    /// Cloud Map `CreateService` `Name`: at most 127 characters in dot-separated DNS labels of 1 to 63 letters,
    /// digits, `-` and `_`, none starting or ending with `-`.
    static let cloudMapService = AWSNameRule(
        "Cloud Map service names", length: 1...127, allowed: "letters, digits, '-', '_' and '.'",
        alphanumeric(or: "-_."),
        shape: (
            description: "in dot-separated labels of at most 63 characters that neither start nor end with '-'",
            isValid: { name in
                name == "."
                    || name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
                        (1...63).contains(label.count) && !label.hasPrefix("-") && !label.hasSuffix("-")
                    }
            }
        ))

    /// IAM roles and inline policies: 64 (roles) or 128 (policies) of `[\w+=,.@-]`.
    static func iam(_ subject: String, maximumLength: Int) -> AWSNameRule {
        AWSNameRule(
            subject, length: 1...maximumLength, allowed: "letters, digits and '+', '=', ',', '.', '@', '_', '-'",
            alphanumeric(or: "+=,.@_-"))
    }

    /// CloudWatch Logs `CreateLogGroup`: up to 512 of `[\.\-_/#A-Za-z0-9]`; `aws/` is reserved.
    static let logGroup = AWSNameRule(
        "log group names", length: 1...512, allowed: "letters, digits and '.', '-', '_', '/', '#'",
        alphanumeric(or: "._-/#"), reserved: ["aws/"])

    /// EC2 `CreateSecurityGroup` `GroupName`: up to 255 of `a-zA-Z0-9` and ` ._-:/()#,@[]+=&;{}!$*`; `sg-` is
    /// reserved.
    static let securityGroup = AWSNameRule(
        "security group names", length: 1...255, allowed: "letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*",
        alphanumeric(or: " ._-:/()#,@[]+=&;{}!$*"), reserved: ["sg-"])
}
