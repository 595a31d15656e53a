import LabContent
import LabStore

/// One learner's standing in one lab, derived from the stored step progress.
struct LabProgressSummary: Sendable {
    let completedStepIDs: Set<String>
    /// Completion by the step's reading-order index, for pages that walk the steps in order.
    let completedByIndex: [Bool]
    let totalSteps: Int
    /// The first step in reading order that is not complete; nil when the lab is done.
    let nextStepID: String?

    init(lab: Lab, progress: [String: StepProgress]) {
        var completed = Set<String>()
        var byIndex = [Bool](repeating: false, count: lab.steps.count)
        // Walks the learner's rows, not the lab's steps: a page load touches only what the learner did.
        // Rows for steps the lab no longer has are ignored, so progress counts against the lab as it is now.
        for row in progress.values where row.isCompleted {
            guard let index = lab.stepIndex(id: row.stepID) else { continue }
            byIndex[index] = true
            completed.insert(row.stepID)
        }
        completedStepIDs = completed
        completedByIndex = byIndex
        totalSteps = lab.steps.count
        nextStepID = byIndex.firstIndex(of: false).map { lab.steps[$0].id }
    }

    var completedSteps: Int { completedStepIDs.count }
    var percent: Int { totalSteps == 0 ? 0 : completedSteps * 100 / totalSteps }
    var isLabComplete: Bool { totalSteps > 0 && completedSteps == totalSteps }

    func isCompleted(_ stepID: String) -> Bool { completedStepIDs.contains(stepID) }
}
