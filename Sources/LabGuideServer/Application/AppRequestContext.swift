public import Hummingbird
public import LabStore
import NIOCore

/// Per-request data only: who is signed in, and the connection the request came on.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in learner, set by `SessionMiddleware`; nil when signed out or the cookie is unknown or expired.
    public var learner: Learner?
    /// The SHA-256 of the session cookie's token, so sign-out can close exactly this session.
    public var sessionTokenHash: String?
    /// The connection, for the client's address and for noticing that it went away.
    let channel: any Channel

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }

    /// Bodies are small JSON or form posts; anything larger is refused with 413 before it is buffered.
    public var maxUploadSize: Int { 64 * 1024 }

    /// The client's IP address without its port, or nil when there is none (tests without a socket).
    var clientAddress: String? {
        channel.remoteAddress?.ipAddress
    }

    /// Whether the client is still there, as `ConnectionGuardHandler` sees it; nil without that handler.
    func clientPresence() async -> ClientPresence? {
        let channel = channel
        return try? await channel.eventLoop.submit {
            try channel.pipeline.syncOperations.handler(type: ConnectionGuardHandler.self).presence
        }.get()
    }
}
