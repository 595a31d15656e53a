import Foundation
import Hummingbird
import LabStore

/// Signs instructors in with the key and tells every instructor route whether a request carries a session.
struct InstructorAccess: Sendable {
    let database: AppDatabase
    let throttle: WrongKeyThrottle
    let usesSecureCookies: Bool
    let now: @Sendable () -> Date

    static let forbiddenMessage =
        "Instructors only: sign in at /instructor/sign-in with the instructor key (labguide instructor-key --rotate prints a new sign-in link)."
    static let wrongKeyMessage =
        "That is not the instructor key. Check it, or run labguide instructor-key --rotate for a new sign-in link."
    static let usedLinkMessage =
        "This sign-in link was already used. Sign in from the browser that used it, or run labguide instructor-key --rotate for a new link."

    /// Checks the key (after the throttle) and returns the cookie of a new instructor session.
    func signIn(key: String, address: String?) async throws -> Cookie {
        let date = now()
        try throttle.admit(address, now: date)
        let token = SessionToken.make()
        let session = InstructorSession(
            tokenHash: token.hash, createdAt: date,
            expiresAt: date.addingTimeInterval(TimeInterval(InstructorCookie.lifetime.components.seconds)))
        switch try await database.redeemInstructorKey(hash: InstructorKey(key).hash, opening: session) {
        case .signedIn:
            throttle.recordSignIn(address)
            return InstructorCookie.make(token, isSecure: usesSecureCookies)
        case .alreadyUsed:
            throttle.recordWrongKey(address, now: date)
            throw HTTPError(.forbidden, message: Self.usedLinkMessage)
        case .wrongKey:
            throttle.recordWrongKey(address, now: date)
            throw HTTPError(.forbidden, message: Self.wrongKeyMessage)
        }
    }

    /// Whether the request carries an open instructor session.
    func isInstructor(_ request: Request) async throws -> Bool {
        guard let hash = InstructorCookie.tokenHash(in: request.headers) else { return false }
        return try await database.isInstructorSessionOpen(tokenHash: hash, now: now())
    }
}

/// Every instructor page and API route sits behind this: without an instructor session, 403, whoever asks.
struct InstructorGate: RouterMiddleware {
    typealias Context = AppRequestContext

    let access: InstructorAccess

    func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        guard try await access.isInstructor(request) else {
            throw HTTPError(.forbidden, message: InstructorAccess.forbiddenMessage)
        }
        var response = try await next(request, context)
        // Pages about other learners are never stored by a browser or a proxy.
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
