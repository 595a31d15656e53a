import Foundation
import Hummingbird
import LabContent
import LabJobs
import LabStore

/// Verify: one step, an exercise, or everything up to the learner's current step; JSON for the page scripts and
/// forms for browsers without them, both through the same `start`.
///
/// A handler only queues the job (and its attempts) and answers; the worker makes the AWS calls. Attempts are the
/// learner's own: another learner's attempt id answers 404, as an unknown one does.
struct VerifyController {
    let lookup: LabLookup
    let database: AppDatabase
    let requests: VerifyRequests
    let limiter: RateLimiter
    let renderer: PageRenderer
    let csrf: CSRFProtection

    /// By default ten at once, then one every three seconds per learner: a click now and then plus "check as I go" every
    /// 15 s fit well inside; a script hammering the button does not reach the queue.
    static func makeLimiter(burst: Int, perMinute: Int) -> RateLimiter {
        RateLimiter(configuration: .init(burst: burst, perMinute: perMinute)) { seconds in
            "You have verified many times in the last minute; try again in \(seconds) s."
        }
    }

    struct LabVerifyRequest: Decodable {
        let exercise: String?
        let upToCurrent: Bool?
    }

    struct VerifyForm: Decodable {
        let _csrf: String?
        let exercise: String?
    }

    func addRoutes(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.post("labs/:lab/steps/:step/verify", use: verifyStepJSON)
        api.post("labs/:lab/verify", use: verifyLabJSON)
        api.get("labs/:lab/steps/:step/attempts", use: stepAttempts)
        api.get("labs/:lab/attempts", use: labAttempts)
        api.get("verify-attempts/:attempt", use: attempt)
        pages.post("labs/:lab/steps/:step/verify", use: verifyStepForm)
        pages.post("labs/:lab/verify", use: verifyLabForm)
        pages.get("labs/:lab/steps/:step/attempts", use: historyPage)
        pages.get("labs/:lab/steps/:step/attempts/:attempt", use: attemptPage)
        pages.get("labs/:lab/verifications/:job", use: verificationPage)
    }

    // MARK: JSON

    @Sendable func verifyStepJSON(request: Request, context: AppRequestContext) async throws
        -> EditedResponse<StartedVerifyDTO>
    {
        try request.requireJSONContentType()
        let learner = try context.requireLearner()
        let lab = try lookup.lab(context)
        let step = try checkedStep(in: lab, context)
        return try await answer(try await start(learner, lab, steps: [step], scope: .step(step.id)))
    }

    @Sendable func verifyLabJSON(request: Request, context: AppRequestContext) async throws
        -> EditedResponse<StartedVerifyDTO>
    {
        try request.requireJSONContentType()
        let learner = try context.requireLearner()
        let lab = try lookup.lab(context)
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        guard let asked = try? JSONDecoder().decode(LabVerifyRequest.self, from: Data(body.readableBytesView)),
            (asked.exercise != nil) != (asked.upToCurrent == true)
        else {
            throw HTTPError(
                .badRequest,
                message: "Send {\"exercise\": \"<exercise id>\"} or {\"upToCurrent\": true}, one of the two.")
        }
        let (steps, scope) = try await selection(lab: lab, learner: learner, exercise: asked.exercise)
        return try await answer(try await start(learner, lab, steps: steps, scope: scope))
    }

    @Sendable func stepAttempts(request: Request, context: AppRequestContext) async throws -> VerifyAttemptListDTO {
        let learner = try context.requireLearner()
        let lab = try lookup.lab(context)
        let step = try lookup.step(in: lab, context)
        let limit = min(max(request.uri.queryParameters.get("limit", as: Int.self) ?? 10, 1), 50)
        let attempts = try await database.verifyAttempts(
            learnerID: learner.id ?? 0, labID: lab.id, stepID: step.id, limit: limit)
        return VerifyAttemptListDTO(attempts: try await database.attemptDTOs(attempts))
    }

    /// The attempts of one verify job (`?job=`), or the learner's latest in the lab.
    @Sendable func labAttempts(request: Request, context: AppRequestContext) async throws -> VerifyAttemptListDTO {
        let learner = try context.requireLearner()
        let lab = try lookup.lab(context)
        let attempts: [VerifyAttempt]
        if let job = request.uri.queryParameters.get("job") {
            guard let jobID = Int64(job) else { throw HTTPError(.badRequest, message: "job must be a job id.") }
            attempts = try await database.verifyAttempts(jobID: jobID)
                .filter { $0.learnerID == learner.id && $0.labID == lab.id }
        } else {
            attempts = try await database.verifyAttempts(learnerID: learner.id ?? 0, labID: lab.id, limit: 50)
        }
        return VerifyAttemptListDTO(attempts: try await database.attemptDTOs(attempts))
    }

    @Sendable func attempt(request: Request, context: AppRequestContext) async throws -> VerifyAttemptDTO {
        let learner = try context.requireLearner()
        let attempt = try await ownAttempt(context, learner: learner)
        return try await database.attemptDTOs([attempt])[0]
    }

    // MARK: Forms and pages

    @Sendable func verifyStepForm(request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: VerifyForm.self, context: context)
        try csrf.verify(submitted: form._csrf, request: request)
        guard let learner = context.learner else { return LabPagesController.joinFirst(request) }
        let lab = try lookup.lab(context)
        let step = try checkedStep(in: lab, context)
        let started = try await start(learner, lab, steps: [step], scope: .step(step.id))
        guard let attempt = started.attempts.first else { throw HTTPError(.notFound) }
        return LocalRedirect.seeOther("/labs/\(lab.id)/steps/\(step.id)/attempts/\(attempt.id)")
    }

    @Sendable func verifyLabForm(request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: VerifyForm.self, context: context)
        try csrf.verify(submitted: form._csrf, request: request)
        guard let learner = context.learner else { return LabPagesController.joinFirst(request) }
        let lab = try lookup.lab(context)
        let exercise = form.exercise.flatMap { $0.isEmpty ? nil : $0 }
        let (steps, scope) = try await selection(lab: lab, learner: learner, exercise: exercise)
        let started = try await start(learner, lab, steps: steps, scope: scope)
        return LocalRedirect.seeOther("/labs/\(lab.id)/verifications/\(started.job.id)")
    }

    @Sendable func historyPage(request: Request, context: AppRequestContext) async throws -> Response {
        let lab = try lookup.lab(context)
        let step = try lookup.step(in: lab, context)
        guard let learner = context.learner else { return LabPagesController.joinFirst(request) }
        let attempts = try await database.verifyAttempts(learnerID: learner.id ?? 0, labID: lab.id, stepID: step.id)
        return try await render(
            request, learner: learner, lab: lab, title: "Verify attempts: \(step.title)",
            back: .init(href: "/labs/\(lab.id)/steps/\(step.id)#verify", title: step.title), attempts: attempts)
    }

    @Sendable func attemptPage(request: Request, context: AppRequestContext) async throws -> Response {
        let lab = try lookup.lab(context)
        let step = try lookup.step(in: lab, context)
        guard let learner = context.learner else { return LabPagesController.joinFirst(request) }
        let attempt = try await ownAttempt(context, learner: learner)
        guard attempt.labID == lab.id, attempt.stepID == step.id else {
            throw HTTPError(.notFound, message: "There is no such Verify attempt for this step.")
        }
        return try await render(
            request, learner: learner, lab: lab, title: "Verify: \(step.title)",
            back: .init(href: "/labs/\(lab.id)/steps/\(step.id)#verify", title: step.title), attempts: [attempt])
    }

    @Sendable func verificationPage(request: Request, context: AppRequestContext) async throws -> Response {
        let lab = try lookup.lab(context)
        guard let learner = context.learner else { return LabPagesController.joinFirst(request) }
        guard let jobID = context.parameters.get("job", as: Int64.self) else { throw HTTPError(.notFound) }
        let attempts = try await database.verifyAttempts(jobID: jobID).filter { $0.learnerID == learner.id }
        guard !attempts.isEmpty, attempts.allSatisfy({ $0.labID == lab.id }) else {
            throw HTTPError(.notFound, message: "There is no such Verify in this lab.")
        }
        return try await render(
            request, learner: learner, lab: lab, title: "Verify: \(attempts.count) steps of \(lab.title)",
            back: .init(href: "/labs/\(lab.id)", title: "Lab overview"), attempts: attempts)
    }

    // MARK: Shared

    private func start(_ learner: Learner, _ lab: Lab, steps: [Step], scope: VerifyRequests.Scope) async throws
        -> AppDatabase.StartedVerify
    {
        try limiter.admit("\(learner.id ?? 0)")
        return try await requests.start(learnerID: learner.id ?? 0, lab: lab, steps: steps, scope: scope)
    }

    /// The step named in the URL, when it declares checks: Verify on a step without any is a 404, not an empty pass.
    private func checkedStep(in lab: Lab, _ context: AppRequestContext) throws -> Step {
        let step = try lookup.step(in: lab, context)
        guard !step.checks.isEmpty else {
            throw HTTPError(.notFound, message: "The step “\(step.title)” has nothing for Verify to check.")
        }
        return step
    }

    /// An exercise's steps, or every step up to the learner's current one; 404 when none of them has checks.
    private func selection(lab: Lab, learner: Learner, exercise: String?) async throws
        -> (steps: [Step], scope: VerifyRequests.Scope)
    {
        let steps: [Step]
        let scope: VerifyRequests.Scope
        if let exercise {
            guard let found = lab.exercises.first(where: { $0.id == exercise }) else {
                throw HTTPError(.notFound, message: "The lab “\(lab.title)” has no exercise called “\(exercise)”.")
            }
            steps = lab.steps.filter { $0.exerciseID == found.id }
            scope = .exercise(found.id)
        } else {
            let progress = LabProgressSummary(
                lab: lab, progress: try await database.progress(learnerID: learner.id ?? 0, labID: lab.id))
            let current = progress.nextStepID.flatMap(lab.stepIndex(id:)) ?? (lab.steps.count - 1)
            steps = Array(lab.steps.prefix(current + 1))
            scope = .upTo(lab.steps[max(0, current)].id)
        }
        guard steps.contains(where: { !$0.checks.isEmpty }) else {
            throw HTTPError(.notFound, message: "None of those steps has anything for Verify to check.")
        }
        return (steps, scope)
    }

    private func ownAttempt(_ context: AppRequestContext, learner: Learner) async throws -> VerifyAttempt {
        guard let id = context.parameters.get("attempt", as: Int64.self),
            let attempt = try await database.verifyAttempt(id: id), attempt.learnerID == learner.id
        else { throw HTTPError(.notFound, message: "There is no such Verify attempt.") }
        return attempt
    }

    /// 202 for a new Verify, 200 for the one already running for the same click.
    private func answer(_ started: AppDatabase.StartedVerify) async throws -> EditedResponse<StartedVerifyDTO> {
        EditedResponse(
            status: started.isNew ? .accepted : .ok, headers: [.location: "/api/v1/jobs/\(started.job.id)"],
            response: StartedVerifyDTO(
                job: JobDTO(started.job), isNew: started.isNew,
                attempts: try await database.attemptDTOs(started.attempts)))
    }

    private func render(
        _ request: Request, learner: Learner, lab: Lab, title: String, back: VerifyAttemptsPageView.Link,
        attempts: [VerifyAttempt]
    ) async throws -> Response {
        let token = csrf.token(for: request)
        let view = VerifyAttemptsPageView(
            chrome: PageChrome(learner: learner, csrfToken: token.value, section: "labs"), title: title, back: back,
            lab: lab, attempts: try await database.attemptDTOs(attempts))
        return try renderer.render("verify-attempts", view, cookies: token.cookieToSet.map { [$0] } ?? [])
    }
}
