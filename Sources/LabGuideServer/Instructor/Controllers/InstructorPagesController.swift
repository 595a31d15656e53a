import Foundation
import HTTPTypes
import Hummingbird
import LabContent
import LabStore

/// The instructor's pages: sign-in (open to anyone), and behind the gate the class view, one learner, and the CSV.
struct InstructorPagesController {
    let instructor: InstructorContext
    let renderer: PageRenderer
    let csrf: CSRFProtection
    let health: InstructorHealth

    struct SignInForm: Decodable {
        let _csrf: String?
        let key: String?
    }

    func addRoutes(to router: Router<AppRequestContext>, gate: InstructorGate) {
        router.get("instructor/sign-in", use: signInPage)
        router.post("instructor/sign-in", use: signIn)
        let pages = router.group("instructor").add(middleware: gate)
        pages.get(use: classPage)
        pages.get("learners/:learner", use: learnerPage)
        pages.get("class.csv", use: csv)
        pages.post("sign-out", use: signOut)
    }

    @Sendable func signInPage(request: Request, context: AppRequestContext) async throws -> Response {
        let token = csrf.token(for: request)
        let view = InstructorSignInView(
            chrome: PageChrome(learner: nil, csrfToken: token.value, section: "instructor"), message: nil)
        return try renderer.render("instructor-sign-in", view, cookies: token.cookieToSet.map { [$0] } ?? [])
    }

    @Sendable func signIn(request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: SignInForm.self, context: context)
        try csrf.verify(submitted: form._csrf, request: request)
        let cookie = try await instructor.access.signIn(key: form.key ?? "", address: context.clientAddress)
        var response = LocalRedirect.seeOther("/instructor")
        response.setCookie(cookie)
        return response
    }

    @Sendable func signOut(request: Request, context: AppRequestContext) async throws -> Response {
        if let hash = InstructorCookie.tokenHash(in: request.headers) {
            try await instructor.database.closeInstructorSession(tokenHash: hash)
        }
        var response = LocalRedirect.seeOther("/instructor/sign-in")
        response.setCookie(InstructorCookie.expired(isSecure: instructor.access.usesSecureCookies))
        return response
    }

    @Sendable func classPage(request: Request, context: AppRequestContext) async throws -> Response {
        let lab = try instructor.lab(request, context)
        let exerciseID = try instructor.exerciseID(request, in: lab)
        let started = ContinuousClock.now
        let (board, state, lastEventID) = try await instructor.loader.board(lab: lab)
        let loaded = ContinuousClock.now
        let report = try await health.report()
        let checked = ContinuousClock.now
        let token = csrf.token(for: request)
        let view = InstructorPageView(
            board: board, order: instructor.order(request), exerciseID: exerciseID, state: state, lastEventID: lastEventID,
            labs: instructor.labs.labs, health: report,
            chrome: PageChrome(learner: nil, csrfToken: token.value, section: "instructor"))
        let built = ContinuousClock.now
        var response = try renderer.render("instructor", view, cookies: token.cookieToSet.map { [$0] } ?? [])
        // What the class view costs the server, for the bench and for anyone looking at a slow page.
        response.headers[HTTPField.Name("Server-Timing")!] = Self.serverTiming([
            ("load", started.duration(to: loaded)), ("health", loaded.duration(to: checked)),
            ("matrix", checked.duration(to: built)), ("render", built.duration(to: .now)),
        ])
        return response
    }

    @Sendable func learnerPage(request: Request, context: AppRequestContext) async throws -> Response {
        let lab = try instructor.lab(request, context)
        let learner = try await instructor.learner(context)
        let detail = try await LearnerDetailDTO.load(learner: learner, lab: lab, instructor: instructor)
        let token = csrf.token(for: request)
        let view = InstructorLearnerView(
            detail: detail, lab: lab, chrome: PageChrome(learner: nil, csrfToken: token.value, section: "instructor"))
        return try renderer.render("instructor-learner", view, cookies: token.cookieToSet.map { [$0] } ?? [])
    }

    @Sendable func csv(request: Request, context: AppRequestContext) async throws -> Response {
        let lab = try instructor.lab(request, context)
        let (board, _, _) = try await instructor.loader.board(lab: lab)
        return ClassCSV.response(board: board, lab: lab)
    }

    /// `load;dur=12.3, health;dur=0.4, …` in milliseconds (W3C Server Timing): the store and the board, the
    /// health panel, the matrix and charts, and the Mustache page around them.
    static func serverTiming(_ parts: [(name: String, duration: Duration)]) -> String {
        func milliseconds(_ duration: Duration) -> String { String(format: "%.1f", Double(duration / .microseconds(1)) / 1000) }
        return parts.map { "\($0.name);dur=\(milliseconds($0.duration))" }.joined(separator: ", ")
    }
}
