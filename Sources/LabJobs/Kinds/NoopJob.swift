/// A kind that does nothing and answers at once: for tests, the benchmark, and checking a worker is alive.
public struct NoopJob: JobKind {
    public struct Arguments: Codable, Sendable, Equatable {
        /// Echoed in the output so a test can tell jobs apart.
        public var tag: String?

        public init(tag: String? = nil) { self.tag = tag }
    }

    public struct Output: Codable, Sendable, Equatable {
        public var tag: String?
    }

    public static let name = "noop"
    public let retryPolicy: JobRetryPolicy

    public init(retryPolicy: JobRetryPolicy = .standard) {
        self.retryPolicy = retryPolicy
    }

    public func run(_ arguments: Arguments, context: JobContext) async throws -> Output {
        Output(tag: arguments.tag)
    }
}
