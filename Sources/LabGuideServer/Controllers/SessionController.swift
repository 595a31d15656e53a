import Foundation
import Hummingbird
import LabStore

/// `/api/v1/session`: join with a display name, see who is signed in, sign out.
struct SessionController {
    let registration: LearnerRegistration
    let database: AppDatabase
    let usesSecureCookies: Bool

    struct JoinRequest: Decodable {
        let name: String
    }

    struct SessionResponse: ResponseEncodable {
        let learner: LearnerDTO
    }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post(use: join)
        group.get(use: current)
        group.delete(use: signOut)
    }

    @Sendable func join(request: Request, context: AppRequestContext) async throws -> Response {
        try request.requireJSONContentType()
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        try JSONShapeLimit().check(buffer.readableBytesView)
        let body = try await Request(head: request.head, body: .init(buffer: buffer))
            .decode(as: JoinRequest.self, context: context)
        let joined = try await registration.join(name: body.name, from: context.clientAddress)
        var response = try context.responseEncoder.encode(
            SessionResponse(learner: LearnerDTO(joined.learner)), from: request, context: context)
        response.status = .created
        response.setCookie(
            LabGuideCookie.session(joined.token, lifetime: registration.sessionLifetime, isSecure: usesSecureCookies))
        return response
    }

    @Sendable func current(request: Request, context: AppRequestContext) async throws -> SessionResponse {
        SessionResponse(learner: LearnerDTO(try context.requireLearner()))
    }

    @Sendable func signOut(request: Request, context: AppRequestContext) async throws -> Response {
        if let hash = context.sessionTokenHash {
            try await database.closeSession(tokenHash: hash)
        }
        var response = Response(status: .noContent)
        response.setCookie(LabGuideCookie.expiredSession(isSecure: usesSecureCookies))
        return response
    }
}
