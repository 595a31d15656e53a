import LabContent
import LabStore

extension LabOverviewView {
    init(
        lab: Lab, learner: Learner, progress: LabProgressSummary, variables: LearnerVariables, region: String,
        jobs: LabJobPanels?, chrome: PageChrome
    ) {
        var number = 0
        let exercises = lab.exercises.map { exercise in
            let steps = exercise.steps.map { step -> StepLink in
                number += 1
                return StepLink(
                    labID: lab.id, id: step.id, title: step.title, number: number,
                    isCompleted: progress.isCompleted(step.id), isVerified: progress.isVerified(step.id),
                    isCurrent: step.id == progress.nextStepID)
            }
            return ExerciseItem(
                id: exercise.id, title: exercise.title, summary: exercise.summary, steps: steps,
                completedSteps: steps.filter(\.isCompleted).count, stepCount: steps.count,
                isComplete: steps.allSatisfy(\.isCompleted), hasChecks: exercise.steps.contains { !$0.checks.isEmpty })
        }
        self.init(
            chrome: chrome, labID: lab.id, title: lab.title, summary: lab.summary,
            estimatedMinutes: lab.estimatedMinutes, estimatedCost: lab.estimatedCost,
            noticeHTML: lab.notice?.html(variables), exercises: exercises, completedSteps: progress.completedSteps,
            totalSteps: progress.totalSteps, percent: progress.percent,
            continueStepID: progress.nextStepID ?? lab.steps.first?.id,
            continueLabel: progress.completedSteps == 0
                ? "Start the lab" : progress.isLabComplete ? "Review from the start" : "Continue where you left off",
            prefix: learner.resourcePrefix, region: region, jobs: jobs)
    }
}
