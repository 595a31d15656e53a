import LabContent
import LabStore

/// One learner's standing in one lab, derived from the stored step progress.
///
/// A verified step counts as completed; pages show it distinctly from a step completed by hand.
struct LabProgressSummary: Sendable {
    let completedStepIDs: Set<String>
    let verifiedStepIDs: Set<String>
    /// Completion by the step's reading-order index, for pages that walk the steps in order.
    let completedByIndex: [Bool]
    let verifiedByIndex: [Bool]
    let totalSteps: Int
    /// The first step in reading order that is not complete; nil when the lab is done.
    let nextStepID: String?

    init(lab: Lab, progress: [String: StepProgress]) {
        var completed = Set<String>()
        var verified = Set<String>()
        var byIndex = [Bool](repeating: false, count: lab.steps.count)
        var verifiedByIndex = byIndex
        // Walks the learner's rows, not the lab's steps: a page load touches only what the learner did.
        // Rows for steps the lab no longer has are ignored, so progress counts against the lab as it is now.
        for row in progress.values where row.isCompleted {
            guard let index = lab.stepIndex(id: row.stepID) else { continue }
            byIndex[index] = true
            completed.insert(row.stepID)
            if row.isVerified {
                verifiedByIndex[index] = true
                verified.insert(row.stepID)
            }
        }
        completedStepIDs = completed
        verifiedStepIDs = verified
        completedByIndex = byIndex
        self.verifiedByIndex = verifiedByIndex
        totalSteps = lab.steps.count
        nextStepID = byIndex.firstIndex(of: false).map { lab.steps[$0].id }
    }

    var completedSteps: Int { completedStepIDs.count }
    var percent: Int { totalSteps == 0 ? 0 : completedSteps * 100 / totalSteps }
    var isLabComplete: Bool { totalSteps > 0 && completedSteps == totalSteps }

    func isCompleted(_ stepID: String) -> Bool { completedStepIDs.contains(stepID) }
    func isVerified(_ stepID: String) -> Bool { verifiedStepIDs.contains(stepID) }

    /// The classes a page puts on a step's item: `is-complete`, plus `is-verified` when Verify passed.
    func completionClass(atIndex index: Int) -> String {
        verifiedByIndex[index] ? "is-complete is-verified" : completedByIndex[index] ? "is-complete" : ""
    }
}
