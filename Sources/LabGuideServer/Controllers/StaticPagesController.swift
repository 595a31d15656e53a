import Hummingbird

/// Pages whose content is all in their template and scripts, such as the simulator.
struct StaticPagesController {
    let renderer: PageRenderer
    let csrf: CSRFProtection

    struct SimpleView: Sendable {
        let chrome: PageChrome
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("simulator") { request, context -> Response in
            let token = csrf.token(for: request)
            let view = SimpleView(chrome: PageChrome(learner: context.learner, csrfToken: token.value, section: "simulator"))
            return try renderer.render("simulator", view, cookies: token.cookieToSet.map { [$0] } ?? [])
        }
    }
}
