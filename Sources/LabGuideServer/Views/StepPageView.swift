import LabContent

/// A step page as its template sees it, built once per step at start-up with slot markers for the learner's values.
///
/// Everything that differs between learners is a marker string (see `StepPageSlot`), including the variables in
/// the Markdown, which is rendered with markers for values; learner state that changes
/// wording is a class (`is-complete`), and the page carries both wordings, so one rendering serves every learner.
struct StepPageView: Sendable {
    struct ExerciseNavigation: Sendable {
        let title: String
        let isCurrent: Bool
        let steps: [SidebarStep]
    }

    struct SidebarStep: Sendable {
        let id: String
        let title: String
        let number: Int
        let href: String
        let isCurrent: Bool
        /// Marker for `is-complete` or nothing.
        let completionClass: String
        /// Marker for the "(complete)" text screen readers hear after a finished step's link, or nothing.
        let completionNote: String
    }

    struct CheckItem: Sendable {
        /// Its position among the step's checks, which keys its result.
        let index: Int
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
    let completionClass: String
    let completedSteps: String
    let totalSteps: Int
    let percent: String
    let stepNumber: Int
    let previous: StepLink?
    let next: StepLink?
    let navigation: [ExerciseNavigation]
    let embedsSimulator: Bool
    let hasChecks: Bool
    let hasUnsupportedChecks: Bool
    /// The class is held before this step's exercise: the page says so instead of showing the step.
    var isHeld = false
}

/// A value a step page fills in per request.
enum StepPageSlot: Sendable {
    case learnerName
    case learnerHandle
    case learnerPrefix
    case csrfToken
    case completedSteps
    case percent
    /// `is-complete` when the learner finished the step at this reading-order index.
    case completionClass(stepIndex: Int)
    /// A visually hidden " (complete)" when the learner finished the step at this reading-order index.
    case completionNote(stepIndex: Int)
    /// The learner's value of the lab variable at this index, HTML-escaped: in commands, prose and check summaries.
    case variable(index: Int)
}
