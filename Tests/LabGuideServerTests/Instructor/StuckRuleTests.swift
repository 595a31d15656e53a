import Foundation
import LabContent
import Testing

@testable import LabGuideServer

/// The stuck rules on a fixed clock: `now` is passed in, so nothing here waits or reads the time.
@Suite("Stuck rule")
struct StuckRuleTests {
    static let lab = try! LabLibrary.load(from: TestApp.repositoryRoot.appendingPathComponent("labs")).lab(id: "cross-service")!
    /// "Prerequisites and shell set-up": estimated at 5 minutes.
    static let step = lab.step(id: "set-up-your-shell")!
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    let rule = StuckRule()

    func assess(
        minutes: Double, median: TimeInterval?, completions: Int = 5, done: Bool = false,
        attempts: [VerifyAttemptSummary] = []
    ) -> StuckReason? {
        rule.assess(
            step: Self.step, since: start, isStepDone: done, classMedian: median, completions: completions,
            attempts: attempts, verifiedSteps: [], now: start.addingTimeInterval(minutes * 60))
    }

    @Test func wellPastBothTheEstimateAndTheMedianIsStuck() throws {
        let reason = try #require(assess(minutes: 25, median: 8 * 60))
        #expect(reason.kind == .slow)
        #expect(reason.summary == "25 min on “Prerequisites and shell set-up” (estimate 5 min, class median 8 min)")
    }

    @Test func pastTheEstimateButWithinTheClassMedianIsNotStuck() {
        // 12 minutes is past twice the estimate (10) but not past twice the class median (20).
        #expect(assess(minutes: 12, median: 10 * 60) == nil)
        #expect(assess(minutes: 21, median: 10 * 60)?.kind == .slow)
    }

    @Test func aMedianOfTooFewCompletionsDoesNotCount() {
        // With two completions the median is ignored: the estimate alone decides.
        #expect(assess(minutes: 12, median: 30 * 60, completions: 2)?.kind == .slow)
    }

    @Test func aCompletedStepIsNeverSlow() {
        #expect(assess(minutes: 120, median: 60, done: true) == nil)
    }

    @Test func theSameCheckFailingThreeTimesInARowIsStuckWithItsLastMessage() throws {
        func failed(_ minute: Double, _ message: String, also: [String] = []) -> VerifyAttemptSummary {
            VerifyAttemptSummary(
                stepID: Self.step.id, at: start.addingTimeInterval(minute * 60), isPassed: false,
                failedChecks: [.init(name: "sqs.queue", message: message)] + also.map { .init(name: $0, message: "no") })
        }
        let two = [failed(1, "missing"), failed(2, "missing", also: ["sns.topic"])]
        #expect(assess(minutes: 3, median: nil, attempts: two) == nil)
        let reason = try #require(assess(minutes: 3, median: nil, attempts: two + [failed(3, "no dead-letter queue")]))
        #expect(reason.kind == .failingCheck)
        #expect(reason.lastFailedCheck == .init(name: "sqs.queue", message: "no dead-letter queue"))
        let passed = VerifyAttemptSummary(
            stepID: Self.step.id, at: start.addingTimeInterval(240), isPassed: true, failedChecks: [])
        #expect(assess(minutes: 5, median: nil, attempts: two + [failed(3, "x"), passed]) == nil)
    }
}
