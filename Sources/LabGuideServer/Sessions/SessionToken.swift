import Crypto
import Foundation

/// The random secret in a learner's session cookie. Only its hash ever reaches the database or a log.
struct SessionToken: Sendable {
    let value: String

    /// 256 random bits, base64url without padding, so the cookie needs no quoting.
    static func make() -> SessionToken {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<4).flatMap { _ in withUnsafeBytes(of: generator.next() as UInt64) { Array($0) } }
        return SessionToken(value: bytes.base64URLEncodedString())
    }

    /// Hex SHA-256: what the store keeps, and what a lookup compares. Runs on every request, so no formatter.
    static func hash(_ value: String) -> String {
        let digest = SHA256.hash(data: Array(value.utf8))
        let hexDigits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: SHA256.byteCount * 2) { buffer in
            var index = 0
            for byte in digest {
                buffer[index] = hexDigits[Int(byte >> 4)]
                buffer[index + 1] = hexDigits[Int(byte & 0x0F)]
                index += 2
            }
            return index
        }
    }

    var hash: String { Self.hash(value) }
}

extension Sequence<UInt8> {
    /// RFC 4648 base64url without padding.
    func base64URLEncodedString() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        var output: [UInt8] = []
        var accumulator: UInt32 = 0
        var bitCount = 0
        for byte in self {
            accumulator = accumulator << 8 | UInt32(byte)
            bitCount += 8
            while bitCount >= 6 {
                bitCount -= 6
                output.append(alphabet[Int(accumulator >> UInt32(bitCount) & 0x3F)])
            }
        }
        if bitCount > 0 { output.append(alphabet[Int(accumulator << UInt32(6 - bitCount) & 0x3F)]) }
        return String(decoding: output, as: UTF8.self)
    }
}
