/// A sort of background work: its name in the queue, its arguments and output, its retry policy, and `run`.
///
/// Kinds are structs that hold their own dependencies (the AWS client, the lab library), so the worker stays
/// ignorant of what they do. Register each one in a ``JobRegistry``.
public protocol JobKind: Sendable {
    associatedtype Arguments: Codable & Sendable
    associatedtype Output: Codable & Sendable

    /// Stored with each job, so it must not change once jobs of this kind exist.
    static var name: String { get }
    var retryPolicy: JobRetryPolicy { get }

    /// Does the work. Throw ``JobFailure/permanent(_:)`` for errors a retry cannot fix; anything else is retried.
    /// Call `context.checkpoint()` before each outside call so a cancelled job stops promptly.
    func run(_ arguments: Arguments, context: JobContext) async throws -> Output
}

/// A registered kind with its types erased: JSON arguments in, JSON output out.
struct RegisteredJobKind: Sendable {
    let name: String
    let retryPolicy: JobRetryPolicy
    let run: @Sendable (_ arguments: String, _ context: JobContext) async throws -> String
}
