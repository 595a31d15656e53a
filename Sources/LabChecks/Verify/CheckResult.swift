public import AWSClient

/// What one check of a Verify attempt found, as the page, the CLI, the store and the instructor read it.
///
/// `failed` is the learner's to fix; `error` is the target's fault (unreachable, throttled, circuit open) and never
/// counts against the learner; `unsupported` is a check the sandbox cannot answer, which does not block the step.
public struct CheckResult: Sendable, Codable, Hashable {
    public enum Status: String, Sendable, Codable, Hashable, CaseIterable {
        case passed
        case failed
        case unsupported
        case error
    }

    /// The check's position among the step's checks.
    public let index: Int
    public let check: String
    public let status: Status
    /// The rendered summary: what was looked at, with the learner's full names.
    public let summary: String
    /// What was expected, when it failed ("a redrive policy with maxReceiveCount 3").
    public let expected: String?
    /// What was found ("queue lg-ana-7f3k-orders has no redrive policy"), or why it could not be checked.
    public let observed: String?
    /// Helps without giving the answer away.
    public let hint: String?
    /// The fields that decided the result (`RedrivePolicy.maxReceiveCount: 5`), never a secret.
    public let facts: [String: String]
    /// The AWS calls the check made.
    public let calls: [AWSCallRecord]
    public let durationMs: Int
    /// For `error`: when trying again can help, such as after an open circuit.
    public let retryAfterSeconds: Int?

    public init(
        index: Int, check: String, status: Status, summary: String, expected: String? = nil, observed: String? = nil,
        hint: String? = nil, facts: [String: String] = [:], calls: [AWSCallRecord] = [], durationMs: Int = 0,
        retryAfterSeconds: Int? = nil
    ) {
        self.index = index
        self.check = check
        self.status = status
        self.summary = summary
        self.expected = expected
        self.observed = observed
        self.hint = hint
        self.facts = facts
        self.calls = calls
        self.durationMs = durationMs
        self.retryAfterSeconds = retryAfterSeconds
    }
}

/// What a check's observer decided, before the runner adds its timing and calls.
public struct CheckOutcome: Sendable, Hashable {
    public enum Verdict: Sendable, Hashable {
        case passed
        case failed
        case unsupported
    }

    public let verdict: Verdict
    public let expected: String?
    public let observed: String?
    public let hint: String?
    public let facts: [String: String]

    public static func passed(_ observed: String? = nil, facts: [String: String] = [:]) -> CheckOutcome {
        CheckOutcome(verdict: .passed, expected: nil, observed: observed, hint: nil, facts: facts)
    }

    public static func failed(
        expected: String, observed: String, hint: String?, facts: [String: String] = [:]
    ) -> CheckOutcome {
        CheckOutcome(verdict: .failed, expected: expected, observed: observed, hint: hint, facts: facts)
    }

    /// `reason` says why the target cannot answer and what a real account would be checked for.
    public static func unsupported(_ reason: String, facts: [String: String] = [:]) -> CheckOutcome {
        CheckOutcome(verdict: .unsupported, expected: nil, observed: reason, hint: nil, facts: facts)
    }
}
