import Foundation
import Hummingbird
import LabContent
import LabStore

/// `/api/v1/labs`: the labs, their exercises and steps, a learner's progress, and completing a step.
struct LabAPIController {
    let lookup: LabLookup
    let database: AppDatabase

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(use: list)
        group.get(":lab", use: detail)
        group.get(":lab/progress", use: progress)
        group.get(":lab/steps/:step", use: step)
        group.post(":lab/steps/:step/complete", use: complete)
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> LabListDTO {
        LabListDTO(labs: lookup.library.labs.map(LabSummaryDTO.init))
    }

    @Sendable func detail(request: Request, context: AppRequestContext) async throws -> LabDetailDTO {
        LabDetailDTO(try lookup.lab(context))
    }

    @Sendable func progress(request: Request, context: AppRequestContext) async throws -> ProgressDTO {
        let learner = try context.requireLearner()
        let lab = try lookup.lab(context)
        let progress = try await database.progress(learnerID: learner.id ?? 0, labID: lab.id)
        return ProgressDTO(lab: lab, progress: progress)
    }

    @Sendable func step(request: Request, context: AppRequestContext) async throws -> StepDetailDTO {
        let learner = try context.requireLearner()
        let lab = try lookup.lab(context)
        let step = try lookup.step(in: lab, context)
        let variables = lookup.variables(for: learner, in: lab)
        let progress = try await database.progress(learnerID: learner.id ?? 0, labID: lab.id)
        return StepDetailDTO(lab: lab, step: step, variables: variables, progress: progress[step.id])
    }

    @Sendable func complete(request: Request, context: AppRequestContext) async throws -> CompletionDTO {
        try request.requireJSONContentType()
        let learner = try context.requireLearner()
        let lab = try lookup.lab(context)
        let step = try lookup.step(in: lab, context)
        let completed = try await database.recordStepCompleted(
            learnerID: learner.id ?? 0, labID: lab.id, stepID: step.id, at: Date())
        let progress = try await database.progress(learnerID: learner.id ?? 0, labID: lab.id)
        return CompletionDTO(step: StepProgressDTO(completed), lab: ProgressDTO(lab: lab, progress: progress))
    }
}
