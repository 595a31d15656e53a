import Testing

@testable import LabContent

@Suite("Text templates")
struct TextTemplateTests {
    let variables = LearnerVariables([
        "prefix": .init("lg-ana-"), "region": .init("eu-west-1"), "accountId": .init("ACCOUNT_ID", isPlaceholder: true),
    ])

    @Test("fills in values, and placeholders as their text")
    func rendersValues() {
        let template = TextTemplate("arn:aws:sqs:{{region}}:{{accountId}}:{{prefix}}orders")
        #expect(template.render(variables) == "arn:aws:sqs:eu-west-1:ACCOUNT_ID:lg-ana-orders")
        #expect(template.usesPlaceholder(variables))
        #expect(!TextTemplate("{{prefix}}orders").usesPlaceholder(variables))
    }

    @Test("lists variable names once, in order of first use")
    func variableNames() {
        #expect(
            TextTemplate("{{prefix}}a {{region}} {{prefix}}b {{ accountId }}").variableNames == ["prefix", "region", "accountId"])
        #expect(TextTemplate("no variables").variableNames.isEmpty)
    }

    @Test("\\{{ is a literal {{, and an unterminated {{ stays as written")
    func literals() {
        #expect(TextTemplate(#"echo \{{prefix}} {{prefix}}"#).render(variables) == "echo {{prefix}} lg-ana-")
        #expect(TextTemplate("open {{prefix").render(variables) == "open {{prefix")
        #expect(TextTemplate("open {{prefix").variableNames.isEmpty)
    }

    @Test("a variable with no value shows as {{name}} so the gap is visible")
    func missingValue() {
        #expect(TextTemplate("{{queueUrl}}/x").render(variables) == "{{queueUrl}}/x")
        #expect(TextTemplate("{{queueUrl}}").usesPlaceholder(variables))
    }

    @Test("the scanner reports the line of each variable inside multi-line text")
    func scannerLines() {
        let tokens = TemplateScanner.tokens(in: "first\nsecond {{prefix}}\n{{ region }} and {{open")
        #expect(
            tokens == [
                .text("first\nsecond "), .variable(name: "prefix", line: 1), .text("\n"),
                .variable(name: "region", line: 2), .text(" and "), .unterminated(line: 2), .text("{{open"),
            ])
    }
}
