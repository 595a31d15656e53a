import Foundation

/// What the client needs to know about one AWS service: how it is named, signed, addressed and spoken to.
public struct ServiceDescriptor: Sendable, Hashable {
    /// The service identifier from the service model (`SQS`, `App Mesh`, `ServiceDiscovery`).
    public let serviceID: String
    /// The SigV4 scope name; moto routes on it.
    public let signingName: String
    /// The host prefix of the default endpoint (`sqs` → `sqs.eu-west-1.amazonaws.com`).
    public let endpointPrefix: String
    public let wireProtocol: WireProtocol
    /// Services with one endpoint for all regions (IAM), signed in `us-east-1`.
    public let isGlobal: Bool

    public init(
        serviceID: String, signingName: String, endpointPrefix: String, wireProtocol: WireProtocol,
        isGlobal: Bool = false
    ) {
        self.serviceID = serviceID
        self.signingName = signingName
        self.endpointPrefix = endpointPrefix
        self.wireProtocol = wireProtocol
        self.isGlobal = isGlobal
    }

    /// `AWS_ENDPOINT_URL_<SERVICE>`: the service identifier upper-cased with spaces as underscores.
    public var endpointEnvironmentKey: String {
        "AWS_ENDPOINT_URL_" + serviceID.uppercased().replacingOccurrences(of: " ", with: "_")
    }
}

extension ServiceDescriptor {
    public static let sts = ServiceDescriptor(
        serviceID: "STS", signingName: "sts", endpointPrefix: "sts", wireProtocol: .query(version: "2011-06-15"))
    public static let iam = ServiceDescriptor(
        serviceID: "IAM", signingName: "iam", endpointPrefix: "iam", wireProtocol: .query(version: "2010-05-08"),
        isGlobal: true)
    public static let sns = ServiceDescriptor(
        serviceID: "SNS", signingName: "sns", endpointPrefix: "sns", wireProtocol: .query(version: "2010-03-31"))
    public static let sqs = ServiceDescriptor(
        serviceID: "SQS", signingName: "sqs", endpointPrefix: "sqs",
        wireProtocol: .json(version: "1.0", targetPrefix: "AmazonSQS"))
    public static let cloudWatch = ServiceDescriptor(
        serviceID: "CloudWatch", signingName: "monitoring", endpointPrefix: "monitoring",
        wireProtocol: .query(version: "2010-08-01"))
    public static let cloudFormation = ServiceDescriptor(
        serviceID: "CloudFormation", signingName: "cloudformation", endpointPrefix: "cloudformation",
        wireProtocol: .query(version: "2010-05-15"))
    public static let cloudMap = ServiceDescriptor(
        serviceID: "ServiceDiscovery", signingName: "servicediscovery", endpointPrefix: "servicediscovery",
        wireProtocol: .json(version: "1.1", targetPrefix: "Route53AutoNaming_v20170314"))
    public static let ecs = ServiceDescriptor(
        serviceID: "ECS", signingName: "ecs", endpointPrefix: "ecs",
        wireProtocol: .json(version: "1.1", targetPrefix: "AmazonEC2ContainerServiceV20141113"))
    public static let dynamoDB = ServiceDescriptor(
        serviceID: "DynamoDB", signingName: "dynamodb", endpointPrefix: "dynamodb",
        wireProtocol: .json(version: "1.0", targetPrefix: "DynamoDB_20120810"))
    public static let appMesh = ServiceDescriptor(
        serviceID: "App Mesh", signingName: "appmesh", endpointPrefix: "appmesh", wireProtocol: .restJSON)
    public static let lambda = ServiceDescriptor(
        serviceID: "Lambda", signingName: "lambda", endpointPrefix: "lambda", wireProtocol: .restJSON)
    public static let xRay = ServiceDescriptor(
        serviceID: "XRay", signingName: "xray", endpointPrefix: "xray", wireProtocol: .restJSON)
    public static let vpcLattice = ServiceDescriptor(
        serviceID: "VPC Lattice", signingName: "vpc-lattice", endpointPrefix: "vpc-lattice", wireProtocol: .restJSON)
    public static let ec2 = ServiceDescriptor(
        serviceID: "EC2", signingName: "ec2", endpointPrefix: "ec2", wireProtocol: .query(version: "2016-11-15"))
    public static let cloudWatchLogs = ServiceDescriptor(
        serviceID: "CloudWatch Logs", signingName: "logs", endpointPrefix: "logs",
        wireProtocol: .json(version: "1.1", targetPrefix: "Logs_20140328"))
    public static let resourceGroupsTagging = ServiceDescriptor(
        serviceID: "Resource Groups Tagging API", signingName: "tagging", endpointPrefix: "tagging",
        wireProtocol: .json(version: "1.1", targetPrefix: "ResourceGroupsTaggingAPI_20170126"))
}
