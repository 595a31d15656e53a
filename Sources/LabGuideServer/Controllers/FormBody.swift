import Foundation
import Hummingbird

extension Request {
    /// Decodes an `application/x-www-form-urlencoded` body, within the context's upload limit.
    func decodeForm<Form: Decodable>(as type: Form.Type, context: AppRequestContext) async throws -> Form {
        let buffer = try await body.collect(upTo: context.maxUploadSize)
        do {
            return try URLEncodedFormDecoder().decode(Form.self, from: String(buffer: buffer))
        } catch {
            throw HTTPError(.badRequest, message: "The form is incomplete; reload the page and try again.")
        }
    }
}

/// Only same-site paths are followed after a form, so a crafted link cannot bounce a learner elsewhere.
enum LocalRedirect {
    static func sanitize(_ target: String?) -> String? {
        guard let target, target.hasPrefix("/"), !target.hasPrefix("//"), !target.contains("\\"),
            target.utf8.count < 512
        else { return nil }
        return target
    }

    static func seeOther(_ location: String, cookies: [Cookie] = []) -> Response {
        var response = Response(status: .seeOther, headers: [.location: location])
        for cookie in cookies { response.setCookie(cookie) }
        return response
    }
}
