import Testing

/// Each fixture under `Fixtures/Malformed/` is a labs directory with one deliberate mistake (the last has
/// several), and each must produce exactly these `path:line: message` lines, in this order.
@Suite("Malformed labs")
struct MalformedLabTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let fixture: String
        let expected: [String]

        init(_ fixture: String, _ expected: String...) {
            self.fixture = fixture
            self.expected = expected
        }

        var testDescription: String { fixture }
    }

    static let cases: [Case] = [
        Case(
            "yaml-syntax-error",
            "yaml-syntax-error/demo/lab.yaml:3: YAML syntax error: mapping values are not allowed in this context"),
        Case(
            "front-matter-missing",
            "front-matter-missing/demo/steps/one.md:1: missing front matter: a step file starts with a line '---', then id and title"
        ),
        Case(
            "front-matter-unterminated",
            "front-matter-unterminated/demo/steps/one.md:1: front matter is not closed by a line '---'"),
        Case(
            "front-matter-yaml-error",
            "front-matter-yaml-error/demo/steps/one.md:4: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence at line 3)"
        ),
        Case(
            "missing-required-key", "missing-required-key/demo/lab.yaml:1: lab.yaml is missing the required key 'title'"),
        Case(
            "wrong-type", "wrong-type/demo/lab.yaml:4: 'estimatedMinutes' must be a positive integer, not 'two hours'"),
        Case("bad-minutes", "bad-minutes/demo/steps/one.md:4: 'minutes' must be a positive integer, not '0'"),
        Case(
            "unknown-key",
            "unknown-key/demo/steps/one.md:3: unknown key 'titel' in the front matter; did you mean 'title'?"),
        Case(
            "invalid-step-id",
            "invalid-step-id/demo/steps/one.md:2: invalid id 'Step_One': use only lowercase letters, digits and '-'"),
        Case(
            "duplicate-step-id",
            "duplicate-step-id/demo/steps/two.md:2: step id 'one' is already used by Malformed/duplicate-step-id/demo/steps/one.md"
        ),
        Case("duplicate-exercise-id", "duplicate-exercise-id/demo/lab.yaml:11: duplicate exercise id 'basics'"),
        Case(
            "lab-id-mismatch", "lab-id-mismatch/demo/lab.yaml:1: lab id 'demo-lab' does not match its folder name 'demo'"),
        Case("missing-step-file", "missing-step-file/demo/lab.yaml:11: step file 'steps/missing.md' does not exist"),
        Case("broken-step-link", "broken-step-link/demo/steps/one.md:7: link to unknown step 'publish-event'"),
        Case(
            "unknown-variable", "unknown-variable/demo/steps/one.md:8: unknown variable 'regoin'; did you mean 'region'?"),
        Case("unknown-variable-in-notice", "unknown-variable-in-notice/demo/lab.yaml:8: unknown variable 'cluster'"),
        Case(
            "variable-declared-later",
            "variable-declared-later/demo/lab.yaml:7: variable 'topic' is declared further down; a variable may only use built-ins and variables declared above it"
        ),
        Case("unknown-variable-in-check", "unknown-variable-in-check/demo/steps/one.md:7: unknown variable 'queueName'"),
        Case("unknown-check", "unknown-check/demo/steps/one.md:5: unknown check 'sqs.queues'; did you mean 'sqs.queue'?"),
        Case(
            "missing-check-parameter",
            "missing-check-parameter/demo/steps/one.md:6: check 'sqs.dead-letter-queue' is missing the required parameter 'maxReceiveCount'"
        ),
        Case(
            "unknown-check-parameter", "unknown-check-parameter/demo/steps/one.md:8: check 'sns.topic' has no parameter 'region'"),
        Case(
            "ill-typed-check-parameter",
            "ill-typed-check-parameter/demo/steps/one.md:9: parameter 'maxReceiveCount' of check 'sqs.dead-letter-queue' must be an integer, not 'three'"
        ),
        Case(
            "bad-breaker-state",
            "bad-breaker-state/demo/steps/one.md:9: parameter 'state' of check 'breaker.state' must be one of closed, open, half-open, not 'broken'"
        ),
        Case("missing-asset", "missing-asset/demo/steps/one.md:7: missing asset file 'assets/architecture.svg'"),
        Case(
            "unknown-simulator-preset",
            "unknown-simulator-preset/demo/steps/one.md:8: unknown simulator preset 'inventory-outgae' (presets: flapping, half-open-herd, inventory-outage, retry-storm, slow-inventory); did you mean 'inventory-outage'?"
        ),
        Case(
            "unterminated-directive",
            "unterminated-directive/demo/steps/one.md:7: ':::warning' is not closed by a line ':::'"),
        Case(
            "unknown-directive",
            "unknown-directive/demo/steps/one.md:7: unknown directive ':::info' (use note, tip, warning, hint or solution)"),
        Case(
            "unsupported-link-scheme",
            "unsupported-link-scheme/demo/steps/one.md:5: unsupported link target 'javascript:alert(1)' (use http, https, mailto, step: or a file in assets/)"
        ),
        Case(
            "unknown-resource-kind",
            "unknown-resource-kind/demo/lab.yaml:7: unknown resource 'ecs.clustr'; did you mean 'ecs.cluster'?"),
        Case(
            "missing-resource-parameter",
            "missing-resource-parameter/demo/lab.yaml:8: resource 'iam.role' is missing the required parameter 'trustedService'"
        ),
        Case(
            "ill-typed-resource-parameter",
            "ill-typed-resource-parameter/demo/lab.yaml:10: parameter 'selfIngressPort' of resource 'ec2.security-group' must be an integer, not 'eighty'"
        ),
        Case(
            "invalid-resource-name",
            "invalid-resource-name/demo/lab.yaml:11: parameter 'role' of resource 'iam.role' renders to 'lg-abcdefghijk-wxyz-ecs-task-role-for-the-order-service-in-production' (69 characters): IAM role names are at most 64 characters of letters, digits and '+', '=', ',', '.', '@', '_', '-'",
            "invalid-resource-name/demo/lab.yaml:15: parameter 'cluster' of resource 'ecs.cluster' renders to 'lg-abcdefghijk-wxyz-my cluster' (30 characters), which has ' ': ECS cluster names are at most 255 characters of letters, digits, '-' and '_'"
        ),
        Case(
            "check-name-too-long",
            "check-name-too-long/demo/steps/one.md:7: parameter 'queue' of check 'sqs.queue' renders to 'lg-abcdefghijk-wxyz-order-processing-for-every-region-and-every-customer-segment-eu' (83 characters): SQS queue names are at most 80 characters of letters, digits, '-' and '_', with an optional '.fifo' suffix",
            "check-name-too-long/demo/steps/one.md:13: parameter 'function' of check 'lambda.function' renders to 'lg-abcdefghijk-wxyz-circuit-breaker-manager-for-the-inventory-service' (69 characters): Lambda function names are at most 64 characters of letters, digits, '-' and '_'"
        ),
        Case(
            "check-name-bad-character",
            "check-name-bad-character/demo/steps/one.md:7: parameter 'topic' of check 'sns.topic' renders to 'lg-abcdefghijk-wxyz-order.events' (32 characters), which has '.': SNS topic names are at most 256 characters of letters, digits, '-' and '_', with an optional '.fifo' suffix",
            "check-name-bad-character/demo/steps/one.md:10: parameter 'table' of check 'dynamodb.table' renders to 'lg-abcdefghijk-wxyz-breaker#state' (33 characters), which has '#': DynamoDB table names are 3 to 255 characters of letters, digits, '_', '-' and '.'",
            "check-name-bad-character/demo/steps/one.md:13: parameter 'dashboard' of check 'cloudwatch.dashboard' renders to 'lg-abcdefghijk-wxyz-cross service' (33 characters), which has ' ': CloudWatch dashboard names are at most 255 characters of letters, digits, '-' and '_'"
        ),
        Case(
            "check-name-is-a-url",
            "check-name-is-a-url/demo/steps/one.md:7: parameter 'topic' of check 'messaging.fan-out' renders to 'arn:aws:sns:ap-southeast-2:123456789012:lg-abcdefghijk-wxyz-order-events', an ARN, but it takes SNS topic names, not ARNs: use {{orderTopic}}",
            "check-name-is-a-url/demo/steps/one.md:11: parameter 'deliveredTo' of check 'messaging.fan-out' renders to 'https://sqs.ap-southeast-2.amazonaws.com/123456789012/lg-abcdefghijk-wxyz-inventory', a URL, but it takes SQS queue names, not URLs: use {{inventoryQueue}}"
        ),
        Case(
            "half-inline-policy",
            "half-inline-policy/demo/lab.yaml:7: resource 'iam.role' has 'policyName' but not 'allowedActions': give both or neither"
        ),
        Case(
            "bad-price",
            "bad-price/demo/lab.yaml:7: price 'appMeshProxyHour' must be a number of dollars, zero or more, not 'cheap'",
            "bad-price/demo/lab.yaml:8: unknown key 'fargateVCPUHours' in prices; did you mean 'fargateVCPUHour'?"),
        Case(
            "unprefixed-resource-name",
            "unprefixed-resource-name/demo/lab.yaml:9: the name of resource 'logs.log-group' must start with {{prefix}}, or cleanup would never remove it"
        ),
        Case("no-labs", "no-labs:1: no labs found: a lab is a folder holding a lab.yaml"),
        Case(
            "several-problems",
            "several-problems/demo/lab.yaml:4: 'estimatedMinutes' must be a positive integer, not '-5'",
            "several-problems/demo/steps/one.md:5: unknown variable 'prefx'; did you mean 'prefix'?",
            "several-problems/demo/steps/one.md:7: link to unknown step 'too'; did you mean 'two'?",
            "several-problems/demo/steps/two.md:4: unknown key 'extra' in the front matter"),
    ]

    @Test("reports the exact path, line and message", arguments: cases)
    func reportsExactDiagnostics(_ testCase: Case) {
        #expect(Fixtures.diagnostics(loading: "Malformed/\(testCase.fixture)") == testCase.expected.map { "Malformed/\($0)" })
    }

    @Test("every fixture folder has a case")
    func everyFixtureIsCovered() throws {
        let folders = try Fixtures.folders(in: "Malformed")
        #expect(folders == Self.cases.map(\.fixture).sorted())
    }
}
