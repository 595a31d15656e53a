import Foundation
import Hummingbird
import LabChecks
import LabContent
import LabJobs
import LabStore

/// The lab overview and step pages, and the no-JavaScript "Mark complete" form.
struct LabPagesController {
    let lookup: LabLookup
    let database: AppDatabase
    let renderer: PageRenderer
    let stepPages: StepPages
    let csrf: CSRFProtection
    let viewRecorder: StepViewRecorder
    let jobs: JobQueue

    struct CompleteForm: Decodable {
        let _csrf: String?
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("labs/:lab", use: overview)
        router.get("labs/:lab/steps/:step", use: stepPage)
        router.post("labs/:lab/steps/:step/complete", use: completeStep)
    }

    @Sendable func overview(request: Request, context: AppRequestContext) async throws -> Response {
        let lab = try lookup.lab(context)
        guard let learner = context.learner else { return Self.joinFirst(request) }
        let token = csrf.token(for: request)
        let progress = try await database.progress(learnerID: learner.id ?? 0, labID: lab.id)
        let variables = lookup.variables(for: learner, in: lab)
        let view = LabOverviewView(
            lab: lab, learner: learner, progress: LabProgressSummary(lab: lab, progress: progress),
            variables: variables, region: lookup.configuration.region,
            jobs: try await jobPanels(lab: lab, learner: learner, variables: variables),
            chrome: PageChrome(learner: learner, csrfToken: token.value, section: "labs"))
        return try renderer.render("lab", view, cookies: token.cookieToSet.map { [$0] } ?? [])
    }

    @Sendable func stepPage(request: Request, context: AppRequestContext) async throws -> Response {
        let lab = try lookup.lab(context)
        let step = try lookup.step(in: lab, context)
        guard let learner = context.learner else { return Self.joinFirst(request) }
        let token = csrf.token(for: request)
        try await viewRecorder.recordView(learnerID: learner.id ?? 0, labID: lab.id, stepID: step.id)
        let progress = try await database.progress(learnerID: learner.id ?? 0, labID: lab.id)
        let html = try page(
            lab: lab, step: step, learner: learner, progress: progress, csrfToken: token.value,
            classState: try await database.classState())
        return PageRenderer.response(html, cookies: token.cookieToSet.map { [$0] } ?? [])
    }

    /// The overview's provision and clean-up panels, with the learner's latest job of each.
    private func jobPanels(lab: Lab, learner: Learner, variables: LearnerVariables) async throws -> LabJobPanels {
        func latest(_ kind: String) async throws -> JobRecord? {
            try await jobs.jobs(JobFilter(learnerID: learner.id, kind: kind, limit: 20)).first { $0.labID == lab.id }
        }
        return LabJobPanels(
            provisionPlan: ProvisionPlan.make(for: lab, variables: variables).map(\.summary),
            isSandbox: lookup.targets.isSandbox, provision: try await latest(ProvisionJob.name).map(JobPanelState.init),
            cleanup: try await latest(CleanupJob.name).map(JobPanelState.init))
    }

    /// The step page when everything it needs is already in memory, else nil and the route above answers.
    ///
    /// Memory means: the session and the learner's progress in LabStore's read cache, a form-token cookie to
    /// repeat, and this visit's view already recorded. Then the page needs no SQLite, no cookie and no write, so
    /// `InMemoryStepPageHandler` can answer it on the event loop; the bytes are the ones `stepPage` writes.
    func pageFromMemory(labID: String, stepID: String, headers: HTTPFields, now: Date) -> ByteBuffer? {
        guard let lab = lookup.library.lab(id: labID), let step = lab.step(id: stepID),
            let hash = SessionMiddleware.sessionTokenHash(in: headers),
            let learner = database.cachedLearner(sessionTokenHash: hash, now: now), let learnerID = learner.id,
            let csrfToken = CSRFProtection.existingToken(in: headers),
            viewRecorder.isRecorded(learnerID: learnerID, labID: lab.id, stepID: step.id, at: now),
            let progress = database.cachedProgress(learnerID: learnerID, labID: lab.id),
            let classState = database.cachedClassState()
        else { return nil }
        return try? page(
            lab: lab, step: step, learner: learner, progress: progress, csrfToken: csrfToken, classState: classState)
    }

    /// The one place both ways of serving a step page build it, the class hold decided by its one rule.
    private func page(
        lab: Lab, step: Step, learner: Learner, progress: [String: StepProgress], csrfToken: String, classState: ClassState
    ) throws -> ByteBuffer {
        try stepPages.html(
            lab: lab, step: step, learner: learner, progress: LabProgressSummary(lab: lab, progress: progress),
            variables: lookup.variables(for: learner, in: lab), csrfToken: csrfToken,
            isHeld: ClassHoldRule.isHeld(step, in: lab, hold: classState.holds[lab.id]))
    }

    @Sendable func completeStep(request: Request, context: AppRequestContext) async throws -> Response {
        let lab = try lookup.lab(context)
        let step = try lookup.step(in: lab, context)
        let form = try await request.decodeForm(as: CompleteForm.self, context: context)
        try csrf.verify(submitted: form._csrf, request: request)
        guard let learner = context.learner else { return Self.joinFirst(request) }
        try await database.recordStepCompleted(learnerID: learner.id ?? 0, labID: lab.id, stepID: step.id, at: Date())
        return LocalRedirect.seeOther("/labs/\(lab.id)/steps/\(step.id)#complete")
    }

    /// Signed-out browsers go to the join form, which brings them back here afterwards.
    static func joinFirst(_ request: Request) -> Response {
        let path = request.uri.path
        let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(["&", "=", "?"]))
        return LocalRedirect.seeOther("/?next=\(encoded ?? "/")")
    }
}
