/// What AWS accepts as the name of one kind of resource: a length limit, the characters allowed and the prefixes
/// AWS reserves. `labguide check` applies it to a name rendered for a sample learner, so an author learns about a
/// name AWS would refuse before any learner runs the provision job.
public struct AWSNameRule: Sendable {
    /// How the rule is named in messages: "an IAM role name".
    public let subject: String
    public let maximumLength: Int
    /// The allowed characters, as the message lists them.
    public let allowedDescription: String
    let isAllowed: @Sendable (Unicode.Scalar) -> Bool
    /// Prefixes AWS keeps for itself (`sg-` for security groups, `aws` for ECS clusters is not reserved).
    let reservedPrefixes: [String]

    /// Nil when AWS accepts `name`, otherwise why not.
    public func problem(with name: String) -> String? {
        if name.isEmpty { return "\(subject) must not be empty" }
        if name.count > maximumLength {
            return "\(subject) may have at most \(maximumLength) characters, but '\(name)' has \(name.count)"
        }
        if let bad = name.unicodeScalars.first(where: { !isAllowed($0) }) {
            return "\(subject) may only use \(allowedDescription), but '\(name)' has '\(Character(bad))'"
        }
        if let reserved = reservedPrefixes.first(where: { name.lowercased().hasPrefix($0) }) {
            return "\(subject) must not start with '\(reserved)': AWS reserves it"
        }
        return nil
    }

    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// IAM roles and inline policies: 64 (roles) or 128 (policies) of letters, digits and `+=,.@_-`.
    static func iam(_ subject: String, maximumLength: Int) -> AWSNameRule {
        AWSNameRule(
            subject: subject, maximumLength: maximumLength, allowedDescription: "letters, digits and + = , . @ _ -",
            isAllowed: { AWSNameRule.isAlphanumeric($0) || "+=,.@_-".unicodeScalars.contains($0) }, reservedPrefixes: [])
    }

    static let logGroup = AWSNameRule(
        subject: "a log group name", maximumLength: 512, allowedDescription: "letters, digits and . - _ / #",
        isAllowed: { AWSNameRule.isAlphanumeric($0) || "._-/#".unicodeScalars.contains($0) }, reservedPrefixes: ["aws/"])

    static let securityGroup = AWSNameRule(
        subject: "a security group name", maximumLength: 255,
        allowedDescription: "letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*",
        isAllowed: { AWSNameRule.isAlphanumeric($0) || " ._-:/()#,@[]+=&;{}!$*".unicodeScalars.contains($0) },
        reservedPrefixes: ["sg-"])

    static let cluster = AWSNameRule(
        subject: "an ECS cluster name", maximumLength: 255, allowedDescription: "letters, digits, - and _",
        isAllowed: { AWSNameRule.isAlphanumeric($0) || $0 == "-" || $0 == "_" }, reservedPrefixes: [])

    /// Cloud Map HTTP namespaces: printable ASCII without spaces, up to 1,024 characters.
    static let httpNamespace = AWSNameRule(
        subject: "a Cloud Map HTTP namespace name", maximumLength: 1024,
        allowedDescription: "printable ASCII characters other than spaces",
        isAllowed: { $0.value >= 0x21 && $0.value <= 0x7E }, reservedPrefixes: [])
}
