import LabStore

/// What the shared layout needs on every page: who is signed in and the form token.
struct PageChrome: Sendable {
    struct LearnerBadge: Sendable {
        let name: String
        let handle: String
        let prefix: String
    }

    let learner: LearnerBadge?
    let csrfToken: String
    /// Which top navigation entry is current: `labs`, `simulator` or `instructor`.
    let section: String
    let isLabsSection: Bool
    let isSimulatorSection: Bool
    let isInstructorSection: Bool

    init(learner: Learner?, csrfToken: String, section: String) {
        self.init(
            badge: learner.map { LearnerBadge(name: $0.name, handle: $0.handle, prefix: $0.resourcePrefix) },
            csrfToken: csrfToken, section: section)
    }

    init(badge: LearnerBadge?, csrfToken: String, section: String) {
        self.learner = badge
        self.csrfToken = csrfToken
        self.section = section
        isLabsSection = section == "labs"
        isSimulatorSection = section == "simulator"
        isInstructorSection = section == "instructor"
    }
}
