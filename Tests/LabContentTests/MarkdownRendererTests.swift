import Testing

@testable import LabContent

@Suite("Markdown rendering")
struct MarkdownRendererTests {
    /// Renders `markdown`, expecting no problems, and fills in `Fixtures.variables`.
    func html(_ markdown: String, _ variables: LearnerVariables = Fixtures.variables) -> String {
        let (rendered, diagnostics) = Fixtures.render(markdown)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return rendered.html(variables)
    }

    @Test("variables in text are highlighted, with the name as a tooltip")
    func variablesInText() {
        #expect(
            html("Your prefix is {{prefix}}.")
                == "<p>Your prefix is <span class=\"var\" title=\"your prefix\">lg-ana-7f3k-</span>.</p>")
    }

    @Test("a placeholder value is marked as a placeholder")
    func placeholderValue() {
        #expect(
            html("Account {{accountId}}")
                == "<p>Account <span class=\"var placeholder\" title=\"your accountId\">ACCOUNT_ID</span></p>")
    }

    @Test("values are HTML-escaped, in text and in attributes")
    func escapesValues() {
        var variables = Fixtures.variables
        variables["prefix"] = .init("<script>alert(\"x\")</script>&")
        #expect(
            html("Hi {{prefix}}", variables)
                == "<p>Hi <span class=\"var\" title=\"your prefix\">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;</span></p>"
        )
        #expect(
            html("[console](https://example.com/?q={{prefix}})", variables)
                == "<p><a href=\"https://example.com/?q=&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;\">console</a></p>")
    }

    @Test("a variable name containing HTML is escaped in the tooltip")
    func escapesNames() {
        let (rendered, diagnostics) = Fixtures.render("x {{<b>}}")
        #expect(diagnostics == ["demo/steps/x.md:5: unknown variable '<b>'"])
        let variables = LearnerVariables(["<b>": .init("v")])
        #expect(rendered.html(variables) == "<p>x <span class=\"var\" title=\"your &lt;b&gt;\">v</span></p>")
    }

    @Test("a variable with no value shows {{name}} as a placeholder")
    func missingValue() {
        #expect(
            html("{{orderTopic}}", LearnerVariables())
                == "<p><span class=\"var placeholder\" title=\"your orderTopic\">{{orderTopic}}</span></p>")
    }

    @Test("raw HTML in lab Markdown is shown as text, never injected")
    func escapesRawHTML() {
        #expect(
            html("<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> here")
                == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><p>Text &lt;img src=x onerror=alert(1)&gt; here</p>")
        #expect(html("<p") == "<p>&lt;p</p>")
    }

    @Test("quotes in image text cannot break out of the alt attribute")
    func escapesAltText() {
        #expect(
            html(#"![a" onerror="alert(1)](assets/architecture.svg)"#)
                == #"<img src="/labs/demo/assets/architecture.svg" alt="a&quot; onerror=&quot;alert(1)"/>"#)
    }

    @Test("image text keeps variables as attribute values, without tags")
    func imageTextIsPlain() {
        #expect(
            html("![the `{{prefix}}` *diagram*](assets/architecture.svg)")
                == "<img src=\"/labs/demo/assets/architecture.svg\" alt=\"the lg-ana-7f3k- diagram\"/>")
    }

    @Test("a fence indented with a tab is still a code block, whatever its info string")
    func tabIndentedFence() {
        #expect(
            html("\t```bash`x\n\tls\n\t```")
                == "<figure class=\"code\" data-language=\"bash`x\"><figcaption>bash`x</figcaption>"
                + "<pre><code class=\"language-bash`x\">ls</code></pre></figure>")
    }

    @Test("Ink's crash on a list followed by a blank line of tabs is avoided")
    func listFollowedByTabs() {
        #expect(html("- item\n\t") == "<ul><li>item</li></ul>")
        #expect(html("`<p\r`") == "<p><code>&lt;p </code></p>")
    }

    @Test("code blocks carry a language label and no trailing newline")
    func codeBlocks() {
        let markdown = "```bash\naws sns create-topic --name {{orderTopic}} \\\n  --region {{region}}\n\n```"
        #expect(
            html(markdown)
                == "<figure class=\"code\" data-language=\"bash\"><figcaption>bash</figcaption><pre><code class=\"language-bash\">"
                + "aws sns create-topic --name <span class=\"var\" title=\"your orderTopic\">lg-ana-7f3k-order-events</span> \\\n"
                + "  --region <span class=\"var\" title=\"your region\">eu-west-1</span></code></pre></figure>")
    }

    @Test("code is escaped, \\{{ stays literal, and a block without a language has no label")
    func codeEscaping() {
        #expect(
            html("```\nif a < b && c > d; then echo \"\\{{x}}\"; fi\n```")
                == "<figure class=\"code\"><pre><code>if a &lt; b &amp;&amp; c &gt; d; then echo &quot;{{x}}&quot;; fi</code></pre></figure>"
        )
    }

    @Test("a fence indented inside a list keeps the code's own indentation only")
    func indentedFence() {
        #expect(
            html("1. Run:\n\n   ```sh\n   ls\n     -la\n   ```")
                == "<ol><li>Run:</li></ol><figure class=\"code\" data-language=\"sh\"><figcaption>sh</figcaption>"
                + "<pre><code class=\"language-sh\">ls\n  -la</code></pre></figure>")
    }

    @Test("note, tip and warning callouts")
    func callouts() {
        #expect(
            html(":::note\nRead **this**.\n:::")
                == "<aside class=\"callout callout-note\" role=\"note\"><p class=\"callout-title\">Note</p><p>Read <strong>this</strong>.</p></aside>"
        )
        #expect(
            html(":::tip\nTry it.\n:::")
                == "<aside class=\"callout callout-tip\" role=\"note\"><p class=\"callout-title\">Tip</p><p>Try it.</p></aside>")
        #expect(
            html(":::warning\nThis costs money.\n:::")
                == "<aside class=\"callout callout-warning\" role=\"note\"><p class=\"callout-title\">Warning</p><p>This costs money.</p></aside>"
        )
    }

    @Test("hints and solutions are closed details elements; titles may use inline Markdown")
    func hintsAndSolutions() {
        #expect(
            html(":::hint `aws` is not found\nInstall the CLI.\n:::\n\n:::solution\n```bash\naws --version\n```\n:::")
                == "<details class=\"hint\"><summary>Hint: <code>aws</code> is not found</summary><p>Install the CLI.</p></details>"
                + "<details class=\"solution\"><summary>Solution</summary><figure class=\"code\" data-language=\"bash\">"
                + "<figcaption>bash</figcaption><pre><code class=\"language-bash\">aws --version</code></pre></figure></details>")
    }

    @Test("directives nest")
    func nestedDirectives() {
        #expect(
            html(":::hint Stuck\n:::tip\nBreathe.\n:::\n:::")
                == "<details class=\"hint\"><summary>Hint: Stuck</summary><aside class=\"callout callout-tip\" role=\"note\">"
                + "<p class=\"callout-title\">Tip</p><p>Breathe.</p></aside></details>")
    }

    @Test("step links and asset links point at the server's URLs")
    func links() {
        #expect(
            html("Go [on](step:set-up-shell#export) and see ![the diagram](./assets/architecture.svg).")
                == "<p>Go <a href=\"/labs/demo/steps/set-up-shell#export\">on</a> and see "
                + "<img src=\"/labs/demo/assets/architecture.svg\" alt=\"the diagram\"/>.</p>")
    }

    @Test("external links are kept and escaped; inline code is not treated as a link")
    func externalLinks() {
        #expect(
            html("[docs](https://docs.aws.amazon.com/?a=1&b=2) and `x[0](y)`")
                == "<p><a href=\"https://docs.aws.amazon.com/?a=1&amp;b=2\">docs</a> and <code>x[0](y)</code></p>")
    }

    @Test("tables are wrapped so they scroll on a phone")
    func tables() {
        #expect(
            html("| Service | Cost |\n| --- | --- |\n| SNS | {{region}} |")
                == "<div class=\"table-wrap\"><table><thead><tr><th>Service</th><th>Cost</th></tr></thead><tbody><tr><td>SNS</td>"
                + "<td><span class=\"var\" title=\"your region\">eu-west-1</span></td></tr></tbody></table></div>")
    }

    @Test("a simulator block becomes an embed with a link to the full simulator")
    func simulatorEmbed() {
        #expect(
            html("```simulator\npreset: retry-storm\n```")
                == "<div class=\"simulator-embed\" data-preset=\"retry-storm\"><p>The breaker simulator runs the "
                + "<strong>retry-storm</strong> scenario here. <a href=\"/simulator?preset=retry-storm\">Open it in the simulator</a>.</p></div>"
        )
    }

    @Test("a line starting with inline code continues its paragraph")
    func backtickContinuation() {
        #expect(
            html("Create one with\n`aws ec2 create-default-vpc`.")
                == "<p>Create one with <code>aws ec2 create-default-vpc</code>.</p>")
    }

    @Test("problems in Markdown are reported at their line in the file")
    func markdownDiagnostics() {
        let markdown = """
            Intro.

            ```bash
            $ aws s3 ls
            ```

            ```simulator
            mode: fast
            ```

            ```bash
            echo never closed
            """
        let (_, diagnostics) = Fixtures.render(markdown)
        #expect(
            diagnostics == [
                "demo/steps/x.md:8: remove the '$ ' prompt: the copy button copies the command exactly as written",
                "demo/steps/x.md:12: unknown key 'mode' in a simulator block",
                "demo/steps/x.md:11: a simulator block is missing the required key 'preset'",
                "demo/steps/x.md:15: code block is not closed by a line ```",
            ])
    }

    @Test("rendering for a learner only fills in values: the prepared segments hold no markers")
    func segmentsArePrepared() {
        let (rendered, _) = Fixtures.render("{{prefix}} and [x](https://e.com/{{region}}) and {{prefix}}")
        #expect(rendered.variableNames == ["prefix", "region"])
        let literal = rendered.segments.compactMap { segment -> String? in
            if case .html(let html) = segment { return html }
            return nil
        }
        #expect(!literal.joined().unicodeScalars.contains(VariableMarkers.start))
        #expect(rendered.segments.count == 7)
    }
}
