import Foundation
import Hummingbird

/// Double-submit protection for HTML forms: a random cookie whose value each form repeats in `_csrf`.
///
/// A cross-site page can make the browser send the cookie but cannot read it, so it cannot fill in the field.
/// JSON writes are protected differently: they must be `application/json`, which a cross-site form cannot send.
struct CSRFProtection: Sendable {
    let usesSecureCookies: Bool

    /// The token for forms on this page, and the cookie to set when the browser has none yet.
    func token(for request: Request) -> (value: String, cookieToSet: Cookie?) {
        if let existing = Self.existingToken(in: request.headers) {
            return (existing, nil)
        }
        let value = SessionToken.make().value
        return (value, LabGuideCookie.csrf(value, isSecure: usesSecureCookies))
    }

    /// Throws 403 unless the submitted field matches the cookie.
    func verify(submitted: String?, request: Request) throws {
        guard let cookie = request.headers.cookieValue(named: LabGuideCookie.csrf), let submitted, !submitted.isEmpty,
            Self.constantTimeEquals(cookie, submitted)
        else {
            throw HTTPError(
                .forbidden,
                message: "This form has expired or did not come from LabGuide. Reload the page and try again.")
        }
    }

    /// The browser's token when it sent a well-formed one: 43 URL-safe base64 characters, so never in need of
    /// HTML escaping.
    static func existingToken(in headers: HTTPFields) -> String? {
        guard let value = headers.cookieValue(named: LabGuideCookie.csrf), isWellFormed(value) else { return nil }
        return value
    }

    private static func isWellFormed(_ value: String) -> Bool {
        value.utf8.count == 43
            && value.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                    true
                default: false
                }
            }
    }

    private static func constantTimeEquals(_ left: String, _ right: String) -> Bool {
        let left = Array(left.utf8)
        let right = Array(right.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
