public import Foundation

/// Why one attempt of a job failed; a job keeps one per failed attempt, as Oban does, so a retry shows its history.
public struct JobAttemptError: Sendable, Codable, Equatable {
    public var at: Date
    public var attempt: Int
    public var message: String

    public init(at: Date, attempt: Int, message: String) {
        self.at = at
        self.attempt = attempt
        self.message = message
    }
}
