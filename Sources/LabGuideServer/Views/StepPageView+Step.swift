import LabContent

extension StepPageView {
    init(
        lab: Lab, step: Step, progress: LabProgressSummary, variables: LearnerVariables, embedsSimulator: Bool,
        chrome: PageChrome
    ) {
        let index = lab.stepIndex(id: step.id) ?? 0
        var number = 0
        let navigation = lab.exercises.map { exercise in
            ExerciseNavigation(
                title: exercise.title, isCurrent: exercise.id == step.exerciseID,
                steps: exercise.steps.map { candidate in
                    number += 1
                    return StepLink(
                        labID: lab.id, id: candidate.id, title: candidate.title, number: number,
                        isCompleted: progress.isCompleted(candidate.id), isCurrent: candidate.id == step.id)
                })
        }
        let links = navigation.flatMap(\.steps)
        let bodyHTML = step.body.html(variables)
        self.init(
            chrome: chrome, labID: lab.id, labTitle: lab.title,
            exerciseTitle: lab.exercise(id: step.exerciseID)?.title ?? "", stepID: step.id, title: step.title,
            estimatedMinutes: step.estimatedMinutes, bodyHTML: bodyHTML, noticeHTML: lab.notice?.html(variables),
            checks: step.checks.map {
                CheckItem(name: $0.name, summary: $0.summary.render(variables), isSupportedByEmulator: $0.isSupportedByEmulator)
            },
            isCompleted: progress.isCompleted(step.id), completedSteps: progress.completedSteps,
            totalSteps: progress.totalSteps, percent: progress.percent, stepNumber: index + 1,
            previous: index > 0 ? links[index - 1] : nil, next: index + 1 < links.count ? links[index + 1] : nil,
            navigation: navigation, embedsSimulator: embedsSimulator,
            hasChecks: !step.checks.isEmpty, hasUnsupportedChecks: step.checks.contains { !$0.isSupportedByEmulator })
    }
}
