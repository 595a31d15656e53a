import LabContent

/// The lab overview: exercises with their steps and ticks, estimates, progress, and where to continue.
struct LabOverviewView: Sendable {
    struct ExerciseItem: Sendable {
        let id: String
        let title: String
        let summary: String
        let steps: [StepLink]
        let completedSteps: Int
        let stepCount: Int
        let isComplete: Bool
        /// Some step of it declares checks, so the overview offers "Verify this exercise".
        let hasChecks: Bool
    }

    let chrome: PageChrome
    let labID: String
    let title: String
    let summary: String
    let estimatedMinutes: Int
    let estimatedCost: String
    let noticeHTML: String?
    let exercises: [ExerciseItem]
    let completedSteps: Int
    let totalSteps: Int
    let percent: Int
    let continueStepID: String?
    let continueLabel: String
    let prefix: String
    let region: String
    /// The provision and clean-up panels.
    let jobs: LabJobPanels?
}

/// A step in a navigation list, with whether this learner finished it and whether it is the page being shown.
struct StepLink: Sendable {
    let id: String
    let title: String
    let number: Int
    let isCompleted: Bool
    /// Verify passed (which also counts as completed).
    let isVerified: Bool
    let isCurrent: Bool
    let href: String

    init(
        labID: String, id: String, title: String, number: Int, isCompleted: Bool, isVerified: Bool = false,
        isCurrent: Bool
    ) {
        self.id = id
        self.title = title
        self.number = number
        self.isCompleted = isCompleted
        self.isVerified = isVerified
        self.isCurrent = isCurrent
        self.href = "/labs/\(labID)/steps/\(id)"
    }
}
