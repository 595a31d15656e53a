import Foundation
import Testing

@testable import LabContent

@Suite("Loading labs")
struct LabLibraryTests {
    let library: LabLibrary

    init() throws {
        library = try LabLibrary.load(from: Fixtures.labsDirectory("Good"))
    }

    @Test("the good fixture loads with its metadata, exercises and steps in reading order")
    func loadsGoodLab() throws {
        let lab = try #require(library.lab(id: "demo"))
        #expect(library.labs.map(\.id) == ["demo"])
        #expect(lab.title == "Demo Lab")
        #expect(lab.estimatedMinutes == 30)
        #expect(lab.estimatedCost == "$0 in the sandbox")
        #expect(lab.exercises.map(\.id) == ["basics", "messaging"])
        #expect(lab.exercises.map(\.summary) == ["Get set up.", "Topics and queues."])
        #expect(lab.steps.map(\.id) == ["welcome", "set-up-shell", "create-topic"])
        #expect(lab.steps.map(\.exerciseID) == ["basics", "basics", "messaging"])
        #expect(lab.steps.map(\.estimatedMinutes) == [5, nil, 4])
        #expect(lab.stepIndex(id: "create-topic") == 2)
        #expect(lab.step(id: "set-up-shell")?.sourcePath == "Good/demo/steps/basics/shell.md")
        #expect(lab.declaredVariables.map(\.name) == ["orderTopic", "orderTopicArn"])
        #expect(lab.directory.lastPathComponent == "demo")
        #expect(library.lab(id: "missing") == nil)
    }

    @Test("the notice is rendered Markdown with variables")
    func rendersNotice() throws {
        let lab = try #require(library.lab(id: "demo"))
        let notice = try #require(lab.notice)
        let html = notice.html(lab.variables(prefix: nil, handle: nil, region: "eu-west-1", accountId: nil))
        #expect(
            html
                == "<p><strong>Heads up:</strong> this lab runs in <span class=\"var\" title=\"your region\">eu-west-1</span>.</p>"
        )
    }

    @Test("check declarations keep typed arguments, emulator support and a summary")
    func readsChecks() throws {
        let step = try #require(library.lab(id: "demo")?.step(id: "create-topic"))
        #expect(step.checks.map(\.name) == ["sns.topic", "sqs.dead-letter-queue", "appmesh.virtual-service"])
        #expect(step.checks.map(\.isSupportedByEmulator) == [true, true, false])
        let deadLetter = step.checks[1]
        guard case .integer(let count) = deadLetter.arguments["maxReceiveCount"] else {
            Issue.record("maxReceiveCount should be an integer argument")
            return
        }
        #expect(count == 3)
        let variables = LearnerVariables(["prefix": .init("lg-ana-")])
        #expect(
            deadLetter.summary.render(variables)
                == "queue lg-ana-orders has a dead-letter queue lg-ana-orders-dlq with maxReceiveCount 3")
    }

    @Test("the check command's summary counts labs, exercises, steps and checks")
    func summarisesLibrary() {
        #expect(library.summary(directoryName: "labs") == "labs: 1 lab, 2 exercises, 3 steps, 3 checks — no problems")
    }

    @Test("a missing directory is one diagnostic, not a crash")
    func missingDirectory() {
        #expect(Fixtures.diagnostics(loading: "does-not-exist") == ["does-not-exist:1: cannot read the labs directory"])
    }

    @Test("the repository's own labs load without problems")
    func repositoryLabsLoad() {
        var diagnostics: [Diagnostic] = []
        do {
            _ = try LabLibrary.load(from: Fixtures.repositoryLabs)
        } catch {
            diagnostics = error.diagnostics
        }
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description).joined(separator: "\n"))")
    }

    @Test("diagnostics sort by path, then line, keeping the order of problems on one line")
    func sortsDiagnostics() {
        let failure = LabLoadingFailure(diagnostics: [
            Diagnostic(path: "labs/b.md", line: 2, message: "first on b:2"),
            Diagnostic(path: "labs/a.md", line: 9, message: "a:9"),
            Diagnostic(path: "labs/b.md", line: 1, message: "b:1"),
            Diagnostic(path: "labs/b.md", line: 2, message: "second on b:2"),
        ])
        #expect(
            failure.description
                == "labs/a.md:9: a:9\nlabs/b.md:1: b:1\nlabs/b.md:2: first on b:2\nlabs/b.md:2: second on b:2")
    }
}
