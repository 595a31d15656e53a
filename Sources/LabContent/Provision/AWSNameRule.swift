/// What AWS accepts as the name of one kind of resource: a length range, the characters allowed, a suffix some
/// kinds may carry and the prefixes AWS reserves. `labguide check` applies it to each name a check or `provision:`
/// parameter renders to for a sample learner, so an author learns about a name AWS would refuse before any learner
/// types it.
public struct AWSNameRule: Sendable {
    /// How the rule names its kind in messages, in the plural: "SQS queue names".
    public let subject: String
    public let minimumLength: Int
    public let maximumLength: Int
    /// The allowed characters, as the message lists them: "letters, digits, '-' and '_'".
    public let allowedDescription: String
    let isAllowed: @Sendable (Unicode.Scalar) -> Bool
    /// A suffix whose characters need not be in `isAllowed` (the `.fifo` of FIFO queues and topics); it counts
    /// toward the length.
    let allowedSuffix: String?
    /// Prefixes AWS keeps for itself, compared without case (`sg-` for security groups).
    let reservedPrefixes: [String]
    /// A further rule on the shape of the whole name (Cloud Map's DNS labels), with how the message says it.
    let shape: (description: String, isValid: @Sendable (String) -> Bool)?

    init(
        _ subject: String, length: ClosedRange<Int>, allowed allowedDescription: String,
        _ isAllowed: @escaping @Sendable (Unicode.Scalar) -> Bool, suffix: String? = nil, reserved: [String] = [],
        shape: (description: String, isValid: @Sendable (String) -> Bool)? = nil
    ) {
        self.subject = subject
        self.minimumLength = length.lowerBound
        self.maximumLength = length.upperBound
        self.allowedDescription = allowedDescription
        self.isAllowed = isAllowed
        self.allowedSuffix = suffix
        self.reservedPrefixes = reserved
        self.shape = shape
    }

    /// The whole rule in one sentence: "SQS queue names are at most 80 characters of letters, digits, '-' and '_',
    /// with an optional '.fifo' suffix".
    public var description: String {
        let length =
            minimumLength <= 1 ? "at most \(maximumLength)" : "\(minimumLength) to \(maximumLength)"
        var sentence = "\(subject) are \(length) characters of \(allowedDescription)"
        if let allowedSuffix { sentence += ", with an optional '\(allowedSuffix)' suffix" }
        if let shape { sentence += ", \(shape.description)" }
        for reserved in reservedPrefixes { sentence += ", and may not start with '\(reserved)'" }
        return sentence
    }

    /// Nil when AWS accepts `name`; otherwise what is wrong with it, such as "which has ' '" (empty when the length
    /// alone is wrong, since the message already shows it).
    public func violation(in name: String) -> String? {
        guard name.count >= minimumLength, name.count <= maximumLength else { return "" }
        var stem = Substring(name)
        if let allowedSuffix, stem.hasSuffix(allowedSuffix), stem.count > allowedSuffix.count {
            stem = stem.dropLast(allowedSuffix.count)
        }
        if let bad = stem.unicodeScalars.first(where: { !isAllowed($0) }) {
            return ", which has \(Self.quoted(bad))"
        }
        if let reserved = reservedPrefixes.first(where: { name.lowercased().hasPrefix($0) }) {
            return ", which starts with '\(reserved)'"
        }
        if let shape, !shape.isValid(name) { return "" }
        return nil
    }

    /// A character for a message: printable ones in quotes, others as their code point (`U+0009`).
    private static func quoted(_ scalar: Unicode.Scalar) -> String {
        if scalar.properties.generalCategory == .control {
            return "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
        }
        return "'\(Character(scalar))'"
    }

    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// Letters, digits and the given punctuation.
    static func alphanumeric(or punctuation: String) -> @Sendable (Unicode.Scalar) -> Bool {
        let extra = Set(punctuation.unicodeScalars)
        return { isAlphanumeric($0) || extra.contains($0) }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: Swift.max(0, width - count)) + self
    }
}
