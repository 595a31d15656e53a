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
        if let token = request.cookieValue(named: LabGuideCookie.session), Self.looksLikeToken(token) {
            let hash = SessionToken.hash(token)
            context.learner = try await database.learner(sessionTokenHash: hash, now: Date())
            context.sessionTokenHash = context.learner == nil ? nil : hash
        }
        return try await next(request, context)
    }

    /// Skips the database for values that cannot be one of our tokens (43 base64url characters).
    private static func looksLikeToken(_ value: String) -> Bool {
        value.utf8.count == 43
    }
}
