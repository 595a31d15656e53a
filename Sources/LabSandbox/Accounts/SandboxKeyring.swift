import Crypto
public import Foundation

/// One learner's emulated AWS account and the keys that reach it.
public struct SandboxIdentity: Sendable, Equatable {
    public let accountID: String
    public let accessKeyID: String
    public let secretAccessKey: String
}

/// Derives every learner's sandbox account and keys from one server secret, so they never change across restarts
/// and nothing but the secret needs storing.
///
/// The access key carries the account id and a MAC over it: the proxy finds the account without a lookup, and a
/// learner cannot reach another learner's account by editing the digits.
public struct SandboxKeyring: Sendable {
    static let keyPrefix = "LGSB"
    /// moto's default account, which no learner gets: requests without a LabGuide key are refused, never sent there.
    static let firstAccount: Int64 = 200_000_000_000
    /// Kept as bytes: `SymmetricKey` is not `Sendable`, and making one per derivation costs next to nothing.
    private let secret: Data

    public init(secret: Data) {
        self.secret = secret
    }

    public func identity(forLearnerID learnerID: Int64) -> SandboxIdentity {
        let accountID = String(Self.firstAccount + learnerID)
        return SandboxIdentity(
            accountID: accountID, accessKeyID: Self.keyPrefix + accountID + tag(for: accountID),
            secretAccessKey: secretAccessKey(for: accountID))
    }

    /// The account an access key belongs to, or nil for a key this keyring did not issue.
    public func accountID(forAccessKeyID accessKeyID: String) -> String? {
        guard accessKeyID.count == Self.keyPrefix.count + 12 + 8, accessKeyID.hasPrefix(Self.keyPrefix) else { return nil }
        let digits = String(accessKeyID.dropFirst(Self.keyPrefix.count).prefix(12))
        guard digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber),
            accessKeyID.hasSuffix(tag(for: digits))
        else { return nil }
        return digits
    }

    private func tag(for accountID: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data("key:\(accountID)".utf8), using: SymmetricKey(data: secret))
        return Data(code).prefix(4).map { String(format: "%02X", $0) }.joined()
    }

    private func secretAccessKey(for accountID: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data("secret:\(accountID)".utf8), using: SymmetricKey(data: secret))
        return Data(code).base64EncodedString().replacingOccurrences(of: "+", with: "A")
            .replacingOccurrences(of: "/", with: "B").prefix(40).description
    }
}
