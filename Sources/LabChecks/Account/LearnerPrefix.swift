/// The shape of a learner prefix: `lg-`, 1 to 8 lowercase letters or digits, `-`, 4 of them, `-` (the shape
/// `ResourcePrefix` hands out).
///
/// Cleanup deletes whatever starts with the prefix, so no valid prefix may be the start of another: `lg-ana-` would
/// match `lg-ana-7f3k-cluster`. With this shape that cannot happen: the stem and the suffix hold no `-`, so a prefix
/// that starts another valid prefix has the same stem and suffix, and is the same prefix.
public enum LearnerPrefix {
    public struct Invalid: Error, Sendable, CustomStringConvertible {
        public let prefix: String
        public var description: String {
            "'\(prefix)' is not a learner prefix: expected lg-<1 to 8 lowercase letters or digits>-<4 of them>-"
        }
    }

    public static func isValid(_ prefix: String) -> Bool {
        let parts = prefix.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "lg", parts[3].isEmpty else { return false }
        func isWord(_ part: Substring) -> Bool {
            part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        }
        return (1...8).contains(parts[1].count) && parts[2].count == 4 && isWord(parts[1]) && isWord(parts[2])
    }

    static func validate(_ prefix: String) throws {
        guard isValid(prefix) else { throw Invalid(prefix: prefix) }
    }
}
