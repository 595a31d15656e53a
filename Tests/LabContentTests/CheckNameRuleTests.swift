import Testing

@testable import LabContent

/// Check parameters that name AWS resources are rendered for the sample learner (the longest prefix) and held to
/// AWS's naming rules; the malformed fixtures `check-name-*` pin the exact `path:line: message` lines.
@Suite("AWS name rules of check parameters")
struct CheckNameRuleTests {
    @Test("a valid lab stays clean: the good fixture and the repository's labs load without a diagnostic")
    func validLabsStayClean() {
        #expect(Fixtures.diagnostics(loading: "Good") == [])
        do {
            _ = try LabLibrary.load(from: Fixtures.repositoryLabs)
        } catch {
            Issue.record("the repository's labs report: \(error)")
        }
    }

    @Test("a too-long name is reported at its line with its rendered length and the rule")
    func tooLongName() {
        #expect(
            Fixtures.diagnostics(loading: "Malformed/check-name-too-long").first
                == "Malformed/check-name-too-long/demo/steps/one.md:7: parameter 'queue' of check 'sqs.queue' renders to 'lg-abcdefghijk-wxyz-order-processing-for-every-region-and-every-customer-segment-eu' (83 characters): SQS queue names are at most 80 characters of letters, digits, '-' and '_', with an optional '.fifo' suffix"
        )
    }

    @Test("a bad character is reported at its line, naming the character")
    func badCharacter() {
        #expect(
            Fixtures.diagnostics(loading: "Malformed/check-name-bad-character").first
                == "Malformed/check-name-bad-character/demo/steps/one.md:7: parameter 'topic' of check 'sns.topic' renders to 'lg-abcdefghijk-wxyz-order.events' (32 characters), which has '.': SNS topic names are at most 256 characters of letters, digits, '-' and '_', with an optional '.fifo' suffix"
        )
    }

    @Test("an ARN or a URL where a name is expected points at the variable holding the name")
    func referenceInsteadOfName() {
        #expect(
            Fixtures.diagnostics(loading: "Malformed/check-name-is-a-url").last
                == "Malformed/check-name-is-a-url/demo/steps/one.md:11: parameter 'deliveredTo' of check 'messaging.fan-out' renders to 'https://sqs.ap-southeast-2.amazonaws.com/123456789012/lg-abcdefghijk-wxyz-inventory', a URL, but it takes SQS queue names, not URLs: use {{inventoryQueue}}"
        )
    }

    @Test("FIFO suffixes, minimum lengths, DNS labels and leading hyphens")
    func ruleEdges() {
        #expect(AWSNameRule.sqsQueue.violation(in: "lg-a-orders.fifo") == nil)
        #expect(AWSNameRule.sqsQueue.violation(in: String(repeating: "q", count: 76) + ".fifo") == "")
        #expect(AWSNameRule.sqsQueue.violation(in: "lg-a.orders") == ", which has '.'")
        #expect(AWSNameRule.dynamoDBTable.violation(in: "ab") == "")
        #expect(AWSNameRule.cloudMapService.violation(in: "inventory") == nil)
        #expect(AWSNameRule.cloudMapService.violation(in: "-inventory") == "")
        #expect(AWSNameRule.cloudMapService.violation(in: String(repeating: "a", count: 64)) == "")
        #expect(AWSNameRule.serviceConnectDiscoveryName.violation(in: "-inventory") == ", which starts with '-'")
        #expect(AWSNameRule.serviceConnectDiscoveryName.violation(in: "Inventory") == ", which has 'I'")
        #expect(AWSNameRule.httpNamespace.violation(in: "arn:aws:servicediscovery:x") == ", which starts with 'arn:'")
        #expect(AWSNameRule.cloudWatchAlarm.violation(in: "lg-a-queue depth > 5") == nil)
        #expect(AWSNameRule.cloudWatchAlarm.violation(in: "lg-a\talarm") == ", which has U+0009")
    }

    @Test("every name parameter of the cross-service lab's checks has a rule where AWS has one")
    func catalogCoversNames() {
        let named = ["queue", "deadLetterQueue", "topic", "table", "function", "cluster", "dashboard", "alarm", "mesh"]
        for specification in CheckCatalog.specifications {
            for parameter in specification.parameters where named.contains(parameter.name) {
                #expect(parameter.nameRule != nil, "\(specification.name) \(parameter.name)")
            }
        }
    }
}
