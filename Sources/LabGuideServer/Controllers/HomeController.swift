import Foundation
import Hummingbird
import LabContent
import LabStore

/// The landing page, the join form and "not you?" sign-out, all working without JavaScript.
struct HomeController {
    let lookup: LabLookup
    let database: AppDatabase
    let registration: LearnerRegistration
    let renderer: PageRenderer
    let csrf: CSRFProtection
    let usesSecureCookies: Bool

    struct JoinForm: Decodable {
        let name: String?
        let next: String?
        let _csrf: String?
    }

    struct SignOutForm: Decodable {
        let _csrf: String?
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/", use: home)
        router.post("join", use: join)
        router.post("signout", use: signOut)
    }

    @Sendable func home(request: Request, context: AppRequestContext) async throws -> Response {
        try await renderHome(request: request, context: context, next: request.uri.queryParameters.get("next"))
    }

    @Sendable func join(request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: JoinForm.self, context: context)
        try csrf.verify(submitted: form._csrf, request: request)
        do {
            let joined = try await registration.join(name: form.name ?? "", from: context.clientAddress)
            let cookie = LabGuideCookie.session(
                joined.token, lifetime: registration.sessionLifetime, isSecure: usesSecureCookies)
            return LocalRedirect.seeOther(LocalRedirect.sanitize(form.next) ?? "/", cookies: [cookie])
        } catch let error as LearnerInputError {
            // Show the form again with the message and what was typed, so nothing is lost.
            return try await renderHome(
                request: request, context: context, next: form.next, error: error.message, name: form.name ?? "",
                status: .badRequest)
        }
    }

    @Sendable func signOut(request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: SignOutForm.self, context: context)
        try csrf.verify(submitted: form._csrf, request: request)
        if let hash = context.sessionTokenHash {
            try await database.closeSession(tokenHash: hash)
        }
        return LocalRedirect.seeOther("/", cookies: [LabGuideCookie.expiredSession(isSecure: usesSecureCookies)])
    }

    private func renderHome(
        request: Request, context: AppRequestContext, next: String?, error: String? = nil, name: String = "",
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let token = csrf.token(for: request)
        var cards: [HomePageView.LabCard] = []
        for lab in lookup.library.labs {
            var progress: [String: StepProgress] = [:]
            if let learner = context.learner {
                progress = try await database.progress(learnerID: learner.id ?? 0, labID: lab.id)
            }
            let summary = LabProgressSummary(lab: lab, progress: progress)
            cards.append(
                .init(
                    id: lab.id, title: lab.title, summary: lab.summary, estimatedMinutes: lab.estimatedMinutes,
                    estimatedCost: lab.estimatedCost, stepCount: lab.steps.count,
                    completedSteps: summary.completedSteps, percent: summary.percent,
                    hasStarted: !progress.isEmpty))
        }
        let view = HomePageView(
            chrome: PageChrome(learner: context.learner, csrfToken: token.value, section: "labs"), labs: cards,
            next: LocalRedirect.sanitize(next), errorMessage: error, nameValue: name)
        return try renderer.render("home", view, status: status, cookies: token.cookieToSet.map { [$0] } ?? [])
    }
}
