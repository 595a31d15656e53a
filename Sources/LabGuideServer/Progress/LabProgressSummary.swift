import LabContent
import LabStore

/// One learner's standing in one lab, derived from the stored step progress.
struct LabProgressSummary: Sendable {
    let completedStepIDs: Set<String>
    let totalSteps: Int
    /// The first step in reading order that is not complete; nil when the lab is done.
    let nextStepID: String?

    init(lab: Lab, progress: [String: StepProgress]) {
        completedStepIDs = Set(progress.values.filter(\.isCompleted).map(\.stepID)).intersection(lab.steps.map(\.id))
        totalSteps = lab.steps.count
        nextStepID = lab.steps.first { !(progress[$0.id]?.isCompleted ?? false) }?.id
    }

    var completedSteps: Int { completedStepIDs.count }
    var percent: Int { totalSteps == 0 ? 0 : completedSteps * 100 / totalSteps }
    var isLabComplete: Bool { totalSteps > 0 && completedSteps == totalSteps }

    func isCompleted(_ stepID: String) -> Bool { completedStepIDs.contains(stepID) }
}
