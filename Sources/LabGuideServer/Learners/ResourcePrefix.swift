import Foundation

/// Derives a learner's handle and AWS resource prefix from their display name.
///
/// The prefix (`lg-ana-7f3k-`) must be valid in every AWS name the labs use: S3 buckets and Cloud Map
/// namespaces want lowercase letters, digits and `-`; CloudFormation stacks want a leading letter; IAM roles
/// and Lambda functions cap at 64 characters. So: `lg-`, at most 8 letters or digits, `-`, 4 random, `-`.
enum ResourcePrefix {
    static let maximumLength = 20
    private static let suffixAlphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")

    /// `ana-7f3k` for "Ana María"; `learner-xxxx` when the name has no ASCII letters or digits.
    static func makeHandle(from name: String, using generator: inout some RandomNumberGenerator) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        let stem = String(
            folded.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
                .prefix(8).map(Character.init))
        let suffix = String((0..<4).map { _ in suffixAlphabet.randomElement(using: &generator) ?? "x" })
        return "\(stem.isEmpty ? "learner" : stem)-\(suffix)"
    }

    static func make(handle: String) -> String {
        "lg-\(handle)-"
    }
}
