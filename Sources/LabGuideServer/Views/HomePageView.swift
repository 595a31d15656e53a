import LabContent

/// The landing page: the join form when signed out, the lab list with progress when signed in.
struct HomePageView: Sendable {
    struct LabCard: Sendable {
        let id: String
        let title: String
        let summary: String
        let estimatedMinutes: Int
        let estimatedCost: String
        let stepCount: Int
        let completedSteps: Int
        let percent: Int
        let hasStarted: Bool
    }

    let chrome: PageChrome
    let labs: [LabCard]
    /// Where to go after joining (a lab page the learner tried to open).
    let next: String?
    let errorMessage: String?
    let nameValue: String
}
