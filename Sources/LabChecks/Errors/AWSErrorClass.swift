import AWSClient

/// Whether a failed provision or cleanup call is worth another attempt, so that the job queue ends a job at once on a
/// permanent error (AccessDenied, a bad parameter) instead of retrying it three times.
///
/// The message carries AWS's code and message, and for an open circuit names the endpoint the breaker guards.
public enum AWSErrorClass: Sendable, Equatable, CustomStringConvertible {
    /// Retrying cannot help: the request itself, the credentials or the account are wrong.
    case permanent(String)
    /// Throttling, a timeout, a 5xx, a dropped connection or an open circuit: try again later.
    case transient(String)

    public var message: String {
        switch self {
        case .permanent(let message), .transient(let message): message
        }
    }

    public var isPermanent: Bool {
        if case .permanent = self { return true }
        return false
    }

    public var description: String { message }

    /// Classifies any error thrown by `ResourceProvisioner`, `AccountScanner` or `ResourceRemover`.
    public static func classify(_ error: any Error) -> AWSErrorClass {
        switch error {
        case let error as AWSError: classify(error)
        case let error as ResourceRemovalRefusal: .permanent(error.description)
        case is CancellationError: .transient("the job was cancelled")
        default: .permanent("\(error)")
        }
    }

    static func classify(_ error: AWSError) -> AWSErrorClass {
        let message = error.description
        switch error.kind {
        case .circuitOpen, .timeout, .transport: return .transient(message)
        case .noCredentials, .invalidConfiguration: return .permanent(message)
        default: return error.isRetryable || error.isThrottling ? .transient(message) : .permanent(message)
        }
    }
}

/// `AWSErrorClass.classify(error)` as a free function, for call sites that read better without the type name.
public func classify(_ error: any Error) -> AWSErrorClass {
    AWSErrorClass.classify(error)
}
