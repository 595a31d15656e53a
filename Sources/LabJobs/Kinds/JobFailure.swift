/// An error a job kind throws to say whether trying again could help.
///
/// Transient failures (throttling, 5xx, a dropped connection, an open circuit) are retried with backoff until the
/// kind's attempts run out; permanent ones (bad parameters, access denied, an unknown resource) end the job at once
/// with their message. Any other error a kind throws counts as transient.
public struct JobFailure: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Sendable, Equatable {
        case transient
        case permanent
    }

    private let code: Code
    /// Shown to the learner in the job's errors, so it should say what to do.
    public let message: String

    public static func permanent(_ message: String) -> JobFailure { JobFailure(code: .permanent, message: message) }
    public static func transient(_ message: String) -> JobFailure { JobFailure(code: .transient, message: message) }

    public var isPermanent: Bool { code == .permanent }
    public var description: String { message }
}
