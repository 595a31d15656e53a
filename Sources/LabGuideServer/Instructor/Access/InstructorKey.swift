import Foundation
import Hummingbird

/// The instructor's secret: given on the command line, or generated and printed once as a sign-in link.
///
/// Only its SHA-256 reaches the store; the link carries the key in its fragment (`#key=…`), which browsers never
/// send to a server, so the key stays out of access logs, proxies and `Referer` headers.
public struct InstructorKey: Sendable {
    public let value: String

    public init(_ value: String) {
        self.value = value
    }

    /// 256 random bits, URL-safe.
    public static func make() -> InstructorKey {
        InstructorKey(SessionToken.make().value)
    }

    public var hash: String { SessionToken.hash(value) }

    /// The one-time sign-in URL for this key on a server reached at `baseURL` (`http://127.0.0.1:8080`).
    public func signInURL(baseURL: String) -> String {
        "\(baseURL)/instructor/sign-in#key=\(value)"
    }
}

/// The cookie of a signed-in instructor: its own name, HttpOnly and SameSite=Strict, so a learner's session never
/// stands in for it and no other site can send it.
enum InstructorCookie {
    static let name = "lg_instructor"
    static let lifetime: Duration = .seconds(12 * 3600)

    static func make(_ token: SessionToken, isSecure: Bool) -> Cookie {
        Cookie(
            name: name, value: token.value, maxAge: Int(lifetime.components.seconds), path: "/", secure: isSecure,
            httpOnly: true, sameSite: .strict)
    }

    static func expired(isSecure: Bool) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: isSecure, httpOnly: true, sameSite: .strict)
    }

    /// The hash of the cookie's token when it could be one of ours (43 base64url characters).
    static func tokenHash(in headers: HTTPFields) -> String? {
        guard let token = headers.cookieValue(named: name), token.utf8.count == 43 else { return nil }
        return SessionToken.hash(token)
    }
}
