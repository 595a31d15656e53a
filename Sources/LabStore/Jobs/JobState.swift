/// Where a job is in its life, with River's state names so operators who know River read it at once.
public enum JobState: String, Codable, Sendable, CaseIterable {
    /// Ready to be claimed now.
    case available
    /// Waits for its `runAt`, then is claimed like an available job.
    case scheduled
    /// A worker holds its lease and runs it.
    case running
    /// An attempt failed (or its lease expired); it runs again at `runAt`.
    case retryable
    /// Ran to the end; `result` holds its JSON output.
    case completed
    /// Failed for good: a permanent error, or every attempt used.
    case discarded
    /// Cancelled before or while it ran.
    case cancelled

    /// Still queued or running: these states hold a job's unique key.
    public var isActive: Bool {
        switch self {
        case .available, .scheduled, .running, .retryable: true
        case .completed, .discarded, .cancelled: false
        }
    }

    /// Nothing will happen to the job any more unless someone retries it.
    public var isFinished: Bool { !isActive }

    /// Queued states a worker may claim once `runAt` has come.
    static let claimable: [JobState] = [.available, .scheduled, .retryable]

    /// The states as an SQL list, for the partial indexes and queries that must agree with `isActive`.
    static func sqlList(_ states: [JobState]) -> String {
        states.map { "'\($0.rawValue)'" }.joined(separator: ", ")
    }
}
