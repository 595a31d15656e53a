import LabContent

extension StepPageView {
    /// The view of one step with `markers` standing in for every learner's value; `variables` hold markers too.
    init(
        lab: Lab, step: Step, variables: LearnerVariables, embedsSimulator: Bool,
        markers: inout PageSlotMarkers<StepPageSlot>
    ) {
        let index = lab.stepIndex(id: step.id) ?? 0
        var number = 0
        var navigation: [ExerciseNavigation] = []
        for exercise in lab.exercises {
            var steps: [SidebarStep] = []
            for candidate in exercise.steps {
                steps.append(
                    SidebarStep(
                        id: candidate.id, title: candidate.title, number: number + 1,
                        href: "/labs/\(lab.id)/steps/\(candidate.id)", isCurrent: candidate.id == step.id,
                        completionClass: markers.marker(.completionClass(stepIndex: number)),
                        completionNote: markers.marker(.completionNote(stepIndex: number))))
                number += 1
            }
            navigation.append(ExerciseNavigation(title: exercise.title, isCurrent: exercise.id == step.exerciseID, steps: steps))
        }
        let link = { (position: Int) -> StepLink in
            let target = lab.steps[position]
            return StepLink(
                labID: lab.id, id: target.id, title: target.title, number: position + 1, isCompleted: false, isCurrent: false)
        }
        let badge = PageChrome.LearnerBadge(
            name: markers.marker(.learnerName), handle: markers.marker(.learnerHandle), prefix: markers.marker(.learnerPrefix))
        let chrome = PageChrome(badge: badge, csrfToken: markers.marker(.csrfToken), section: "labs")
        var checks: [CheckItem] = []
        for (index, check) in step.checks.enumerated() {
            checks.append(
                CheckItem(
                    index: index, name: check.name, summary: check.summary.render(variables),
                    isSupportedByEmulator: check.isSupportedByEmulator))
        }
        self.init(
            chrome: chrome, labID: lab.id, labTitle: lab.title,
            exerciseTitle: lab.exercise(id: step.exerciseID)?.title ?? "", stepID: step.id, title: step.title,
            estimatedMinutes: step.estimatedMinutes, bodyHTML: step.body.html(variables),
            noticeHTML: lab.notice?.html(variables), checks: checks,
            completionClass: markers.marker(.completionClass(stepIndex: index)),
            completedSteps: markers.marker(.completedSteps), totalSteps: lab.steps.count,
            percent: markers.marker(.percent), stepNumber: index + 1,
            previous: index > 0 ? link(index - 1) : nil, next: index + 1 < lab.steps.count ? link(index + 1) : nil,
            navigation: navigation, embedsSimulator: embedsSimulator,
            hasChecks: !step.checks.isEmpty, hasUnsupportedChecks: step.checks.contains { !$0.isSupportedByEmulator })
    }
}
