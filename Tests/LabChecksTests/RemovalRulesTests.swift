import AWSClient
import LabChecks
import Testing

/// The rules cleanup keeps without calling AWS: the order of removal, the merge of ledger and scan, the owner of a
/// resource, the shape of a prefix, and which errors end a job at once.
@Suite("Removal rules")
struct RemovalRulesTests {
    @Test("dependents come first: services, task definitions, routes → routers → nodes → mesh, subscriptions, DLQs last")
    func removalOrder() {
        let shuffled = [
            FoundResource(kind: ResourceKind.securityGroup, name: "lg-a-services", identifier: "sg-1"),
            FoundResource(kind: ResourceKind.mesh, name: "lg-a-mesh", identifier: "lg-a-mesh"),
            FoundResource(kind: ResourceKind.queue, name: "lg-a-orders-dlq", identifier: "u1"),
            FoundResource(kind: ResourceKind.virtualNode, name: "order", identifier: "order", parent: "lg-a-mesh"),
            FoundResource(kind: ResourceKind.queue, name: "lg-a-orders", identifier: "u2"),
            FoundResource(kind: ResourceKind.route, name: "r", identifier: "r", parent: "lg-a-mesh/router"),
            FoundResource(kind: ResourceKind.topic, name: "lg-a-events", identifier: "t"),
            FoundResource(kind: ResourceKind.subscription, name: "lg-a-orders", identifier: "s", parent: "lg-a-events"),
            FoundResource(kind: ResourceKind.cluster, name: "lg-a-cluster", identifier: "c"),
            FoundResource(kind: ResourceKind.ecsService, name: "lg-a-order", identifier: "e", parent: "lg-a-cluster"),
            FoundResource(kind: ResourceKind.role, name: "lg-a-role", identifier: "lg-a-role"),
            FoundResource(kind: ResourceKind.namespace, name: "lg-a-local", identifier: "ns-1"),
            FoundResource(kind: ResourceKind.cloudMapService, name: "order", identifier: "srv-1", parent: "lg-a-local"),
        ]
        let order = ResourceRemover.removalOrder(shuffled).map(\.summary)
        #expect(
            order == [
                "ECS service lg-a-order in lg-a-cluster", "route r in lg-a-mesh/router", "virtual node order in lg-a-mesh",
                "mesh lg-a-mesh", "Cloud Map service order in lg-a-local", "Cloud Map namespace lg-a-local",
                "ECS cluster lg-a-cluster", "subscription lg-a-orders in lg-a-events", "SNS topic lg-a-events",
                "SQS queue lg-a-orders", "SQS queue lg-a-orders-dlq", "IAM role lg-a-role", "security group lg-a-services",
            ])
    }

    @Test("a resource inside a learner's container belongs to the container's owner")
    func ownerNames() {
        #expect(
            FoundResource(kind: ResourceKind.route, name: "r", identifier: "r", parent: "lg-a-mesh/rt").ownerName == "lg-a-mesh")
        #expect(
            FoundResource(kind: ResourceKind.virtualNode, name: "order", identifier: "o", parent: "lg-a-mesh").ownerName
                == "lg-a-mesh")
        #expect(
            FoundResource(kind: ResourceKind.logGroup, name: "/aws/lambda/lg-a-fn", identifier: "x").ownerName == "lg-a-fn")
        #expect(FoundResource(kind: ResourceKind.logGroup, name: "/ecs/lg-a-app", identifier: "x").ownerName == "/ecs/lg-a-app")
        #expect(
            FoundResource(kind: ResourceKind.ecsService, name: "order", identifier: "e", parent: "lg-a-cl").ownerName == "order")
    }

    @Test("the scan's entry wins over the ledger's for the same resource, and nothing is listed twice")
    func mergeDeduplicates() {
        let ledger = [
            ResourceRemover.foundResource(
                fromLedger: ResourceKind.securityGroup, name: "lg-a-services", identifier: "lg-a-services"),
            ResourceRemover.foundResource(fromLedger: ResourceKind.cluster, name: "lg-a-cluster", identifier: "arn:c"),
        ]
        let scan = [FoundResource(kind: ResourceKind.securityGroup, name: "lg-a-services", identifier: "sg-9")]
        let merged = ResourceRemover.merge(ledger: ledger, scan: scan)
        #expect(merged.map(\.identifier) == ["arn:c", "sg-9"])
    }

    @Test("only prefixes of the handed-out shape are accepted, so no prefix can start another learner's")
    func prefixShape() {
        #expect(LearnerPrefix.isValid("lg-ana-7f3k-"))
        #expect(LearnerPrefix.isValid("lg-learner-abcd-"))
        for invalid in [
            "lg-ana-", "lg-ana-7f3k", "lg-ana-7f3k-x-", "lg-Ana-7f3k-", "", "lg--7f3k-", "lg-abcdefghi-7f3k-", "x-ana-7f3k-",
        ] {
            #expect(!LearnerPrefix.isValid(invalid), "\(invalid)")
        }
        // Any two valid prefixes: one starts the other only when they are equal.
        let valid = ["lg-ana-7f3k-", "lg-ana-7f3m-", "lg-ana7-7f3k-", "lg-an-a7f3-", "lg-a-na7f-"]
        for first in valid {
            for second in valid where first != second { #expect(!second.hasPrefix(first)) }
        }
    }

    @Test("permanent errors carry AWS's code and message; throttling, timeouts and an open circuit are transient")
    func errorClasses() {
        let denied = AWSError(
            kind: .service, code: "AccessDenied", message: "User is not authorized to perform iam:CreateRole", statusCode: 403,
            service: "IAM", operation: "CreateRole")
        #expect(
            classify(denied)
                == .permanent(
                    "AWS IAM CreateRole failed: AccessDenied (HTTP 403): User is not authorized to perform iam:CreateRole"))
        let throttled = AWSError(
            kind: .service, code: "ThrottlingException", message: "Rate exceeded", service: "ECS", isThrottling: true,
            isRetryable: true)
        #expect(!classify(throttled).isPermanent)
        let open = AWSError(
            kind: .circuitOpen, code: "CircuitOpen", message: "AWS SQS endpoint unavailable (circuit open); next try in 5 s",
            service: "SQS", operation: "ListQueues")
        #expect(classify(open) == .transient("AWS SQS endpoint unavailable (circuit open); next try in 5 s"))
        #expect(!classify(AWSError(kind: .timeout, code: "RequestTimeout", message: "no answer within 10 s")).isPermanent)
        #expect(classify(AWSError(kind: .noCredentials, code: "NoCredentials", message: "none")).isPermanent)
    }
}
