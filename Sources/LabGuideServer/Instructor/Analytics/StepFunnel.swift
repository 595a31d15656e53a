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
        return lab.steps.map { step in
            let rows = activities.compactMap { activity in activity.progress[step.id].map { (activity, $0) } }
            let done = rows.filter { $0.1.isCompleted }
            let verified = Set(rows.filter { $0.1.isVerified }.map { $0.0.learner.id ?? 0 })
                .union(passedBy[step.id] ?? [])
            let durations = done.compactMap { pair in pair.1.completedAt.map { $0.timeIntervalSince(pair.1.firstViewedAt) } }
            let worst = failures[step.id]?.max { left, right in
                left.value.count != right.value.count ? left.value.count < right.value.count : left.key > right.key
            }
            return StepFunnel(
                stepID: step.id, title: step.title, exerciseID: step.exerciseID, reached: rows.count, completed: done.count,
                verified: verified.count, medianTime: median(durations.map { max(0, $0) }),
                estimatedMinutes: step.estimatedMinutes,
                mostFailingCheck: worst.map { FailingCheck(name: $0.key, failures: $0.value.count, message: $0.value.message) })
        }
    }
}
