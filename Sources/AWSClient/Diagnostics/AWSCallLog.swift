import Synchronization

/// One AWS call as evidence: the operation, how it ended and how long it took. Never a header, a body or a key.
public struct AWSCallRecord: Sendable, Codable, Hashable {
    /// `SQS`, as in `ServiceDescriptor.serviceID`.
    public let service: String
    public let operation: String
    /// The HTTP status of the final answer; nil when none came (unreachable, timed out, circuit open).
    public let status: Int?
    public let errorCode: String?
    public let milliseconds: Int

    public init(service: String, operation: String, status: Int?, errorCode: String?, milliseconds: Int) {
        self.service = service
        self.operation = operation
        self.status = status
        self.errorCode = errorCode
        self.milliseconds = milliseconds
    }

    /// `SQS GetQueueAttributes`.
    public var call: String { "\(service) \(operation)" }
}

/// Collects the AWS calls made while it is `current`, child tasks included, so that a check can show what it asked
/// without any service client knowing about checks.
public final class AWSCallLog: Sendable {
    @TaskLocal public static var current: AWSCallLog?

    private let calls = Mutex<[AWSCallRecord]>([])

    public init() {}

    public var records: [AWSCallRecord] { calls.withLock { $0 } }

    func append(_ record: AWSCallRecord) {
        calls.withLock { $0.append(record) }
    }

    /// Runs `body` with a fresh log as `current` and returns its result with the calls it made.
    public static func recording<T: Sendable>(
        _ body: () async throws -> T
    ) async rethrows -> (value: T, calls: [AWSCallRecord]) {
        let log = AWSCallLog()
        let value = try await $current.withValue(log) { try await body() }
        return (value, log.records)
    }
}
