import Testing

@testable import LabContent

@Suite("Blocks LabGuide writes into steps")
struct EmbeddedBlocksTests {
    @Test("a sandbox-shell block is the sandbox lines as a bash block, filled with the learner's values")
    func sandboxShell() {
        let (rendered, diagnostics) = Fixtures.render("```sandbox-shell\n```")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        var variables = Fixtures.variables
        variables["sandboxAccessKeyId"] = .init("LGSB200000000001ABCD1234")
        variables["sandboxSecretAccessKey"] = .init("s3cr3t")
        variables["sandboxEndpoint"] = .init("http://127.0.0.1:8081")
        let html = rendered.html(variables)
        #expect(html.hasPrefix(#"<figure class="code" data-language="bash">"#))
        #expect(html.contains(#"title="your sandboxAccessKeyId">LGSB200000000001ABCD1234</span>"#))
        #expect(html.contains("aws() { command aws --endpoint-url &quot;$AWS_ENDPOINT_URL&quot; &quot;$@&quot;; }"))
        // What the sandbox page shows is the same template rendered as text.
        #expect(SandboxShell.template.render(variables).hasPrefix("export AWS_ACCESS_KEY_ID=LGSB200000000001ABCD1234 "))
    }

    @Test("a sandbox-shell block with text of its own is an error: the lines are LabGuide's")
    func sandboxShellWithBody() {
        let (_, diagnostics) = Fixtures.render("```sandbox-shell\nexport X=1\n```")
        #expect(diagnostics == ["demo/steps/x.md:6: a sandbox-shell block takes no text: LabGuide writes the lines"])
    }

    @Test("a job-panel block becomes the live panel, with a link to the overview's forms")
    func jobPanel() {
        let (rendered, diagnostics) = Fixtures.render("```job-panel\nprovision\n```")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let html = rendered.html(Fixtures.variables)
        #expect(html.hasPrefix(#"<section class="job-panel" data-job-panel="provision" data-lab="demo">"#))
        #expect(html.contains(#"<a href="/labs/demo#provision">"#))
    }

    @Test("a job-panel block names provision or cleanup, nothing else")
    func jobPanelWithUnknownWord() {
        let (_, diagnostics) = Fixtures.render("```job-panel\nverify everything\n```")
        #expect(
            diagnostics == [
                "demo/steps/x.md:6: a job-panel block holds one word, provision or cleanup (found 'verify everything')"
            ])
    }
}
