import Crypto
import Foundation

/// The random secret in a learner's session cookie. Only its hash ever reaches the database or a log.
struct SessionToken: Sendable {
    let value: String

    /// 256 random bits, base64url without padding, so the cookie needs no quoting.
    static func make() -> SessionToken {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return SessionToken(value: Data(bytes).base64URLEncodedString())
    }

    /// Hex SHA-256: what the store keeps, and what a lookup compares.
    static func hash(_ value: String) -> String {
        SHA256.hash(data: Data(value.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    var hash: String { Self.hash(value) }
}

extension Data {
    func base64URLEncodedString() -> String {
        base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
