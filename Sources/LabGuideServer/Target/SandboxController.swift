import Foundation
import Hummingbird
import LabContent
import LabSandbox
import LabStore

/// The sandbox panel (`/sandbox`) and its JSON (`/api/v1/sandbox`): the AWS target, the emulator's state, and the
/// signed-in learner's own shell lines.
struct SandboxController {
    let target: AWSTarget
    let lookup: LabLookup
    let renderer: PageRenderer
    let csrf: CSRFProtection

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("sandbox", use: page)
        router.get("api/v1/sandbox") { _, context -> SandboxStatusDTO in
            status(for: context.learner)
        }
    }

    @Sendable func page(request: Request, context: AppRequestContext) async throws -> Response {
        let token = csrf.token(for: request)
        let view = SandboxPageView(
            chrome: PageChrome(learner: context.learner, csrfToken: token.value, section: ""),
            status: status(for: context.learner), isSignedIn: context.learner != nil)
        return try renderer.render("sandbox", view, cookies: token.cookieToSet.map { [$0] } ?? [])
    }

    /// Answers from memory: the supervisor's last state and the learner's derived keys, never a call to moto.
    func status(for learner: Learner?) -> SandboxStatusDTO {
        let region = lookup.configuration.region
        guard let sandbox = target.sandbox else {
            return SandboxStatusDTO(
                target: "account", state: "account", summary: "Commands run against a real AWS account.",
                restarts: 0, endpoint: nil, region: region, accountId: lookup.configuration.accountID, shellLines: nil,
                changedIdentifiers: [])
        }
        let snapshot = sandbox.status.snapshot
        let variables = learner.map { lookup.builtinVariables(for: $0) }
        return SandboxStatusDTO(
            target: "sandbox", state: snapshot.state.name, summary: snapshot.summary, restarts: snapshot.restarts,
            endpoint: sandbox.settings.publicEndpoint.absoluteString, region: region,
            accountId: variables?["accountId"]?.text, shellLines: variables.map { SandboxShell.template.render($0) },
            changedIdentifiers: learner.flatMap(\.id).map { id in
                sandbox.changedIdentifiers(forLearnerID: id).map { .init(original: $0.stable, current: $0.current) }
            } ?? [])
    }
}

/// The JSON of `GET /api/v1/sandbox`.
struct SandboxStatusDTO: ResponseEncodable, Sendable {
    struct ChangedIdentifier: Codable, Sendable {
        let original: String
        let current: String
    }

    /// `sandbox` or `account`.
    let target: String
    /// `starting`, `restoring`, `ready` or `down`; `account` on a real account.
    let state: String
    let summary: String
    let restarts: Int
    let endpoint: String?
    let region: String
    let accountId: String?
    /// The lines to paste, for the signed-in learner only.
    let shellLines: String?
    let changedIdentifiers: [ChangedIdentifier]
}

extension SandboxStatus.State {
    var name: String {
        switch self {
        case .starting: "starting"
        case .restoring: "restoring"
        case .ready: "ready"
        case .down: "down"
        }
    }
}
