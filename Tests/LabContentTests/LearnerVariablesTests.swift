import Testing

@testable import LabContent

@Suite("Learner variables")
struct LearnerVariablesTests {
    let lab: Lab

    init() throws {
        lab = try #require(try LabLibrary.load(from: Fixtures.labsDirectory("Good")).lab(id: "demo"))
    }

    @Test("unknown built-ins become placeholders, and so do declared variables built from them")
    func placeholders() {
        let variables = lab.variables(prefix: "lg-ana-7f3k-", handle: "ana-7f3k", region: "us-east-1", accountId: nil)
        #expect(variables["prefix"] == .init("lg-ana-7f3k-"))
        #expect(variables["accountId"] == .init("ACCOUNT_ID", isPlaceholder: true))
        #expect(variables["orderTopic"] == .init("lg-ana-7f3k-order-events"))
        #expect(
            variables["orderTopicArn"]
                == .init("arn:aws:sns:us-east-1:ACCOUNT_ID:lg-ana-7f3k-order-events", isPlaceholder: true))
    }

    @Test("with every built-in known, declared variables are real values")
    func knownValues() {
        let variables = lab.variables(prefix: "lg-bo-", handle: "bo", region: "eu-west-1", accountId: "123456789012")
        #expect(variables["orderTopicArn"] == .init("arn:aws:sns:eu-west-1:123456789012:lg-bo-order-events"))
        #expect(variables["handle"] == .init("bo"))
    }

    @Test("every built-in has a placeholder when nothing is known")
    func allPlaceholders() {
        let variables = lab.variables(prefix: nil, handle: nil, region: nil, accountId: nil)
        for builtin in BuiltinVariable.allCases {
            #expect(variables[builtin.rawValue] == .init(builtin.placeholder, isPlaceholder: true))
        }
        #expect(variables["orderTopic"] == .init("PREFIX-order-events", isPlaceholder: true))
    }
}
