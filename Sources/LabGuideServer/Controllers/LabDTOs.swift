import Foundation
import Hummingbird
import LabContent
import LabStore

struct LabListDTO: ResponseEncodable {
    let labs: [LabSummaryDTO]
}

struct LabSummaryDTO: ResponseEncodable {
    let id: String
    let title: String
    let summary: String
    let estimatedMinutes: Int
    let estimatedCost: String
    let exerciseCount: Int
    let stepCount: Int

    init(_ lab: Lab) {
        id = lab.id
        title = lab.title
        summary = lab.summary
        estimatedMinutes = lab.estimatedMinutes
        estimatedCost = lab.estimatedCost
        exerciseCount = lab.exercises.count
        stepCount = lab.steps.count
    }
}

struct LabDetailDTO: ResponseEncodable {
    struct ExerciseDTO: Encodable {
        let id: String
        let title: String
        let summary: String
        let steps: [StepSummaryDTO]
    }

    let id: String
    let title: String
    let summary: String
    let estimatedMinutes: Int
    let estimatedCost: String
    let exercises: [ExerciseDTO]

    init(_ lab: Lab) {
        id = lab.id
        title = lab.title
        summary = lab.summary
        estimatedMinutes = lab.estimatedMinutes
        estimatedCost = lab.estimatedCost
        exercises = lab.exercises.map {
            ExerciseDTO(id: $0.id, title: $0.title, summary: $0.summary, steps: $0.steps.map(StepSummaryDTO.init))
        }
    }
}

struct StepSummaryDTO: Encodable {
    struct CheckDTO: Encodable {
        let name: String
        let supportedByEmulator: Bool
    }

    let id: String
    let title: String
    let estimatedMinutes: Int?
    let checks: [CheckDTO]

    init(_ step: Step) {
        id = step.id
        title = step.title
        estimatedMinutes = step.estimatedMinutes
        checks = step.checks.map { CheckDTO(name: $0.name, supportedByEmulator: $0.isSupportedByEmulator) }
    }
}

/// A step rendered for one learner: the same HTML the page shows, with their names filled in.
struct StepDetailDTO: ResponseEncodable {
    let id: String
    let title: String
    let exerciseId: String
    let html: String
    let checks: [String]
    let previousStepId: String?
    let nextStepId: String?
    let status: String

    init(lab: Lab, step: Step, variables: LearnerVariables, progress: StepProgress?) {
        id = step.id
        title = step.title
        exerciseId = step.exerciseID
        html = step.body.html(variables)
        checks = step.checks.map { $0.summary.render(variables) }
        let index = lab.stepIndex(id: step.id) ?? 0
        previousStepId = index > 0 ? lab.steps[index - 1].id : nil
        nextStepId = index + 1 < lab.steps.count ? lab.steps[index + 1].id : nil
        status = progress?.status.rawValue ?? "notStarted"
    }
}

struct StepProgressDTO: Encodable {
    let stepId: String
    let status: String
    let firstViewedAt: Date
    let completedAt: Date?
    /// Set when Verify passed; a verified step is also completed.
    let verifiedAt: Date?

    init(_ progress: StepProgress) {
        stepId = progress.stepID
        status = progress.status.rawValue
        firstViewedAt = progress.firstViewedAt
        completedAt = progress.completedAt
        verifiedAt = progress.verifiedAt
    }
}

struct ProgressDTO: ResponseEncodable {
    let labId: String
    let completedSteps: Int
    let totalSteps: Int
    let percent: Int
    let verifiedSteps: Int
    let nextStepId: String?
    let steps: [StepProgressDTO]

    init(lab: Lab, progress: [String: StepProgress]) {
        let summary = LabProgressSummary(lab: lab, progress: progress)
        labId = lab.id
        completedSteps = summary.completedSteps
        totalSteps = summary.totalSteps
        percent = summary.percent
        verifiedSteps = summary.verifiedStepIDs.count
        nextStepId = summary.nextStepID
        steps = lab.steps.compactMap { progress[$0.id] }.map(StepProgressDTO.init)
    }
}

struct CompletionDTO: ResponseEncodable {
    let step: StepProgressDTO
    let lab: ProgressDTO
}
