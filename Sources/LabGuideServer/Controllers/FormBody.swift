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
    /// `target` when a browser would read it as a path on this server, else nil.
    ///
    /// Browsers remove tabs and line breaks from a URL anywhere in it and read `\` as `/`, so `/\t/evil.example`
    /// (sent as `next=/%09/evil.example`) becomes `//evil.example`, another site. Only printable ASCII is
    /// accepted (no control characters, no space, no backslash), and it must start with `/` but not `//`.
    static func sanitize(_ target: String?) -> String? {
        guard let target, target.utf8.count < 512, target.utf8.first == UInt8(ascii: "/"),
            target.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") }),
            !target.hasPrefix("//")
        else { return nil }
        return target
    }

    static func seeOther(_ location: String, cookies: [Cookie] = []) -> Response {
        var response = Response(status: .seeOther, headers: [.location: location])
        for cookie in cookies { response.setCookie(cookie) }
        return response
    }
}
