import Foundation
import LabContent
import LabStore

/// Where the class struggles on one step: how many got there, finished and verified, how long it took them
/// against the estimate, and the check that fails most.
struct StepFunnel: Sendable, Equatable {
    struct FailingCheck: Sendable, Equatable {
        let name: String
        let failures: Int
        /// The latest failure's message.
        let message: String
    }

    let stepID: String
    let title: String
    let exerciseID: String
    let reached: Int
    let completed: Int
    let verified: Int
    /// Median of completion − first view over those who completed it.
    let medianTime: TimeInterval?
    let estimatedMinutes: Int?
    let mostFailingCheck: FailingCheck?

    static func make(lab: Lab, activities: [LearnerActivity], attempts: [Int64: [VerifyAttemptSummary]]) -> [StepFunnel] {
        var failures: [String: [String: (count: Int, at: Date, message: String)]] = [:]
        var passedBy: [String: Set<Int64>] = [:]
        for (learnerID, learnerAttempts) in attempts {
            for attempt in learnerAttempts {
                if attempt.isPassed { passedBy[attempt.stepID, default: []].insert(learnerID) }
                for check in attempt.failedChecks {
                    let previous = failures[attempt.stepID, default: [:]][check.name]
                    let isNewer = previous.map { attempt.at >= $0.at } ?? true
                    failures[attempt.stepID, default: [:]][check.name] = (
                        (previous?.count ?? 0) + 1, isNewer ? attempt.at : previous!.at,
                        isNewer ? check.message : previous!.message
                    )
                }
            }
        }
        // One pass over the class's progress, counted per step: 500 learners × 29 steps is the page's largest loop.
        var reached = [Int](repeating: 0, count: lab.steps.count)
        var completed = reached
        var verifiedBy = [Set<Int64>](repeating: [], count: lab.steps.count)
        var durations = [[TimeInterval]](repeating: [], count: lab.steps.count)
        for activity in activities {
            for (stepID, progress) in activity.progress {
                guard let index = lab.stepIndex(id: stepID) else { continue }
                reached[index] += 1
                if progress.isCompleted {
                    completed[index] += 1
                    if let at = progress.completedAt {
                        durations[index].append(max(0, at.timeIntervalSince(progress.firstViewedAt)))
                    }
                }
                if progress.isVerified { verifiedBy[index].insert(activity.learner.id ?? 0) }
            }
        }
        return lab.steps.enumerated().map { index, step in
            let verified = verifiedBy[index].union(passedBy[step.id] ?? [])
            let worst = failures[step.id]?.max { left, right in
                left.value.count != right.value.count ? left.value.count < right.value.count : left.key > right.key
            }
            return StepFunnel(
                stepID: step.id, title: step.title, exerciseID: step.exerciseID, reached: reached[index],
                completed: completed[index], verified: verified.count, medianTime: median(durations[index]),
                estimatedMinutes: step.estimatedMinutes,
                mostFailingCheck: worst.map { FailingCheck(name: $0.key, failures: $0.value.count, message: $0.value.message) })
        }
    }
}
