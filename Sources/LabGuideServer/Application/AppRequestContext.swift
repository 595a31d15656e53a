public import Hummingbird
public import LabStore

/// Per-request data only: who is signed in. Dependencies come through controller initialisers.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in learner, set by `SessionMiddleware`; nil when signed out or the cookie is unknown or expired.
    public var learner: Learner?
    /// The SHA-256 of the session cookie's token, so sign-out can close exactly this session.
    public var sessionTokenHash: String?

    public init(source: Source) {
        self.coreContext = .init(source: source)
    }

    /// Bodies are small JSON or form posts; anything larger is refused with 413 before it is buffered.
    public var maxUploadSize: Int { 64 * 1024 }
}
