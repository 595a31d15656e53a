import Foundation
import Hummingbird
import LabStore

/// Resolves the session cookie to a learner. Unknown, tampered or expired cookies simply mean "signed out".
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let database: AppDatabase

    func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let hash = Self.sessionTokenHash(in: request.headers) {
            context.learner = try await database.learner(sessionTokenHash: hash, now: Date())
            context.sessionTokenHash = context.learner == nil ? nil : hash
        }
        return try await next(request, context)
    }

    /// The hash the store knows a session by, when the session cookie could be one of our tokens.
    ///
    /// Skips the database for values that cannot be (our tokens are 43 base64url characters).
    static func sessionTokenHash(in headers: HTTPFields) -> String? {
        guard let token = headers.cookieValue(named: LabGuideCookie.session), token.utf8.count == 43 else { return nil }
        return SessionToken.hash(token)
    }
}
