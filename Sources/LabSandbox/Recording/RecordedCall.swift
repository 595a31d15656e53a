import Foundation

/// One successful write a learner made in the sandbox, as they sent it and as they saw the answer.
///
/// Replaying these in order into a fresh moto brings every account back. Credentials are not kept: the account
/// is stored instead, and the replay signs nothing (moto does not check signatures).
struct RecordedCall: Codable, Sendable {
    var account: String
    /// From the request's credential scope: moto reads the region there.
    var region: String
    var service: String
    var method: String
    /// Path and query exactly as sent.
    var target: String
    /// Request headers without credentials, signatures or hop-by-hop fields.
    var headers: [String: String]
    var body: Data
    /// The answer's body, with identifiers as the learner saw them.
    var response: Data

    /// The `Authorization` moto needs to find the region and service; it carries no key and no signature.
    var replayAuthorization: String {
        "AWS4-HMAC-SHA256 Credential=LABGUIDE-REPLAY/20260101/\(region)/\(service)/aws4_request, "
            + "SignedHeaders=host, Signature=0"
    }
}
