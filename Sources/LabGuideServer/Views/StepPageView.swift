import LabContent

/// A step page: the rendered Markdown filled in with the learner's values, navigation, checks and completion.
struct StepPageView: Sendable {
    struct ExerciseNavigation: Sendable {
        let title: String
        let isCurrent: Bool
        let steps: [StepLink]
    }

    struct CheckItem: Sendable {
        let name: String
        let summary: String
        let isSupportedByEmulator: Bool
    }

    let chrome: PageChrome
    let labID: String
    let labTitle: String
    let exerciseTitle: String
    let stepID: String
    let title: String
    let estimatedMinutes: Int?
    let bodyHTML: String
    let noticeHTML: String?
    let checks: [CheckItem]
    let isCompleted: Bool
    let completedSteps: Int
    let totalSteps: Int
    let percent: Int
    let stepNumber: Int
    let previous: StepLink?
    let next: StepLink?
    let navigation: [ExerciseNavigation]
    let embedsSimulator: Bool
    let hasChecks: Bool
    let hasUnsupportedChecks: Bool
}
