import Foundation
import LabContent
import LabStore
import Testing

@testable import LabGuideServer

/// The matrix and the funnel from a known sequence of events, written through the store as the pages write them.
@Suite("Class board")
struct ClassBoardTests {
    let lab = StuckRuleTests.lab
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    func minutes(_ value: Double) -> Date { start.addingTimeInterval(value * 60) }

    @Test func cellsRowsAndFunnelFollowTheEvents() async throws {
        let database = try AppDatabase.makeInMemory()
        let steps = lab.steps.map(\.id)
        var ids: [Int64] = []
        for name in ["Ana", "Ben", "Cy"] {
            let learner = try await database.createLearner(
                Learner(name: name, handle: name.lowercased(), resourcePrefix: "lg-\(name.lowercased())-", createdAt: start))
            ids.append(learner.id!)
        }
        // Ana finishes the first two steps (4 and 6 minutes), Ben the first (8 minutes), Cy only opens it.
        for (learner, step, viewed, completed) in [
            (ids[0], 0, 0.0, 4.0), (ids[0], 1, 4.0, 10.0), (ids[1], 0, 0.0, 8.0),
        ] {
            try await database.recordStepViewed(learnerID: learner, labID: lab.id, stepID: steps[step], at: minutes(viewed))
            try await database.recordStepCompleted(
                learnerID: learner, labID: lab.id, stepID: steps[step], at: minutes(completed))
        }
        try await database.recordStepViewed(learnerID: ids[1], labID: lab.id, stepID: steps[1], at: minutes(8))
        try await database.recordStepViewed(learnerID: ids[2], labID: lab.id, stepID: steps[0], at: minutes(1))
        let attempts: [Int64: [VerifyAttemptSummary]] = [
            ids[1]: [
                .init(
                    stepID: steps[1], at: minutes(9), isPassed: false,
                    failedChecks: [.init(name: "aws.cli", message: "no profile")]),
                .init(
                    stepID: steps[1], at: minutes(10), isPassed: false,
                    failedChecks: [.init(name: "aws.cli", message: "still none")]),
            ],
            ids[0]: [.init(stepID: steps[1], at: minutes(9), isPassed: true, failedChecks: [])],
        ]
        let board = ClassBoard.make(
            lab: lab, activities: try await database.classActivity(labID: lab.id), attempts: attempts, now: minutes(12))

        #expect(board.rows.map(\.learner.name) == ["Ana", "Ben", "Cy"])
        #expect(board.rows[0].cells.prefix(3).map(\.state) == [.completed, .verified, .notStarted])
        #expect(board.rows[1].cells.prefix(2).map(\.state) == [.completed, .failedVerify])
        #expect(board.rows[1].cells[1].attempts == 2)
        #expect(board.rows[2].cells[0].state == .viewed)
        #expect(board.rows.map(\.completedSteps) == [2, 1, 0])
        #expect(board.rows.map { $0.currentStep?.id } == [steps[1], steps[1], steps[0]])
        #expect(board.rows[1].currentStepSince == minutes(8))
        #expect(board.rows.map(\.lastActivityAt) == [minutes(10), minutes(8), minutes(1)])

        // The matrix writes the cells it knows ahead, and the ones with attempts as they come.
        let html = MatrixTable(lab: lab, exerciseID: nil, now: minutes(12)).row(board.rows[1])
        #expect(html.contains("<td class=\"cell c-completed\" data-step=\"\(steps[0])\" title=\"1: completed\">✓</td>"))
        #expect(
            html.contains(
                "<td class=\"cell c-failedVerify\" data-step=\"\(steps[1])\" title=\"2: failed verify, 2 Verify attempts\">✗2</td>"
            ))
        #expect(html.contains("<td class=\"cell c-notStarted\" data-step=\"\(steps[2])\" title=\"3: not started\"></td>"))

        let first = board.funnel[0]
        #expect((first.reached, first.completed, first.verified) == (3, 2, 0))
        #expect(abs((first.medianTime ?? 0) - 6 * 60) < 0.01)
        let second = board.funnel[1]
        #expect((second.reached, second.completed, second.verified) == (2, 1, 1))
        #expect(second.mostFailingCheck == .init(name: "aws.cli", failures: 2, message: "still none"))
        #expect(board.sorted(by: .lastActivity).map(\.learner.name) == ["Ana", "Ben", "Cy"])
        #expect(board.sorted(by: .progress).map(\.learner.name) == ["Ana", "Ben", "Cy"])
    }

    @Test func csvQuotesEveryFieldAndDisarmsFormulas() {
        #expect(ClassCSV.field("=SUM(A1)") == "\"'=SUM(A1)\"")
        #expect(ClassCSV.field("Ana \"A\"") == "\"Ana \"\"A\"\"\"")
    }

    @Test func broadcastsAreEscapedBeforeTheirMarksBecomeTags() {
        #expect(BroadcastText.html("<b>hi</b> **now** `ls`") == "&lt;b&gt;hi&lt;/b&gt; <strong>now</strong> <code>ls</code>")
        #expect(BroadcastText.html("a * b") == "a * b")
    }

    @Test func aHoldWaitsEveryLaterExerciseAndNothingBefore() {
        let hold = ClassHold(labID: lab.id, exerciseID: lab.exercises[1].id, heldAt: start)
        #expect(!ClassHoldRule.isHeld(lab.exercises[1].steps[0], in: lab, hold: hold))
        #expect(ClassHoldRule.isHeld(lab.exercises[2].steps[0], in: lab, hold: hold))
        #expect(!ClassHoldRule.isHeld(lab.exercises[2].steps[0], in: lab, hold: nil))
    }
}
