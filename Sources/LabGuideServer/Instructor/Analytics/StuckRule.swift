import Foundation
import LabContent

/// Why a learner needs the instructor now, quoting the last failed check when there is one.
struct StuckReason: Sendable, Equatable {
    enum Kind: String, Sendable {
        /// Far longer on the step than it should take and than it took the class.
        case slow
        /// The same check failed in several Verify attempts in a row.
        case failingCheck
    }

    let kind: Kind
    let stepID: String
    /// One line for the list: "42 min on “Create the queue” (estimate 10, class median 12)".
    let summary: String
    let lastFailedCheck: VerifyAttemptSummary.FailedCheck?
}

/// Decides who is stuck, as pure logic on the learner's figures and `now` (tests pass a fixed date).
///
/// Stuck on time: on a step not yet completed for longer than `factor` × the step's estimate and `factor` × the
/// class median for it (the median of how long those who completed it took, once `minimumCompletions` have), and
/// at least `minimumTime`. A missing estimate or median drops that bound; with neither, time alone never makes a
/// learner stuck. Stuck on a check: the same check failed in each of the last `repeatedFailures` Verify
/// attempts of a step not yet verified.
struct StuckRule: Sendable {
    var factor = 2.0
    var minimumCompletions = 3
    var minimumTime: TimeInterval = 5 * 60
    var repeatedFailures = 3

    /// - Parameters:
    ///   - attempts: the learner's attempts, oldest first.
    ///   - classMedian: the class median time on `step`, or nil when too few completed it.
    func assess(
        step: Step?, since: Date?, isStepDone: Bool, classMedian: TimeInterval?, completions: Int,
        attempts: [VerifyAttemptSummary], verifiedSteps: Set<String>, now: Date
    ) -> StuckReason? {
        if let failing = repeatedlyFailingCheck(attempts, verifiedSteps: verifiedSteps) { return failing }
        guard let step, let since, !isStepDone else { return nil }
        let elapsed = now.timeIntervalSince(since)
        let estimate = step.estimatedMinutes.map { TimeInterval($0 * 60) }
        let median = completions >= minimumCompletions ? classMedian : nil
        guard estimate != nil || median != nil else { return nil }
        let bound = max(minimumTime, factor * (estimate ?? 0), factor * (median ?? 0))
        guard elapsed > bound else { return nil }
        var parts: [String] = []
        if let estimate { parts.append("estimate \(Self.minutes(estimate))") }
        if let median { parts.append("class median \(Self.minutes(median))") }
        let lastFailure = attempts.last { $0.stepID == step.id && !$0.isPassed }?.failedChecks.first
        return StuckReason(
            kind: .slow, stepID: step.id,
            summary: "\(Self.minutes(elapsed)) on “\(step.title)” (\(parts.joined(separator: ", ")))",
            lastFailedCheck: lastFailure)
    }

    /// The check that failed in each of the last `repeatedFailures` attempts of one unverified step.
    private func repeatedlyFailingCheck(_ attempts: [VerifyAttemptSummary], verifiedSteps: Set<String>) -> StuckReason? {
        let byStep = Dictionary(grouping: attempts, by: \.stepID)
        for (stepID, stepAttempts) in byStep.sorted(by: {
            ($0.value.last?.at ?? .distantPast) > ($1.value.last?.at ?? .distantPast)
        })
        where !verifiedSteps.contains(stepID) && stepAttempts.count >= repeatedFailures {
            let recent = stepAttempts.suffix(repeatedFailures)
            guard recent.allSatisfy({ !$0.isPassed }), let latest = recent.last else { continue }
            for check in latest.failedChecks
            where recent.allSatisfy({ attempt in attempt.failedChecks.contains { $0.name == check.name } }) {
                return StuckReason(
                    kind: .failingCheck, stepID: stepID,
                    summary: "“\(check.name)” failed \(repeatedFailures) Verify attempts in a row", lastFailedCheck: check)
            }
        }
        return nil
    }

    static func minutes(_ seconds: TimeInterval) -> String {
        "\(Int((seconds / 60).rounded())) min"
    }
}
