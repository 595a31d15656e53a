import Hummingbird
import LabStore

extension AppRequestContext {
    /// The signed-in learner, or a 401 that tells an API client how to join.
    func requireLearner() throws -> Learner {
        guard let learner else {
            throw HTTPError(.unauthorized, message: "Join first: POST /api/v1/session with {\"name\": \"…\"}.")
        }
        return learner
    }
}

extension Request {
    /// JSON writes must say they are JSON: a cross-site HTML form cannot send this content type.
    func requireJSONContentType() throws {
        guard let type = headers[.contentType], type.lowercased().hasPrefix("application/json") else {
            throw HTTPError(.unsupportedMediaType, message: "Send JSON with Content-Type: application/json.")
        }
    }
}
