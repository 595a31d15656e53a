/// The one error type of the AWS client: a service error decoded from AWS's reply, or a client-side failure
/// (credentials, configuration, transport, timeout, an open circuit, a reply that could not be read).
///
/// Messages never contain credentials: they are built from codes, service names and AWS's own message.
public struct AWSError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is; a struct with static members so that new kinds do not break `switch`es.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Code: String {
            case service, transport, timeout, noCredentials, invalidConfiguration, invalidResponse, circuitOpen
        }
        private let code: Code

        /// AWS answered with an error shape.
        public static let service = Kind(code: .service)
        /// The request never got an HTTP answer (refused, reset, DNS).
        public static let transport = Kind(code: .transport)
        /// No answer before the request or connect timeout.
        public static let timeout = Kind(code: .timeout)
        /// No source in the credential chain produced credentials.
        public static let noCredentials = Kind(code: .noCredentials)
        /// A setting (file, environment variable, endpoint URL, profile) is wrong.
        public static let invalidConfiguration = Kind(code: .invalidConfiguration)
        /// AWS (or something pretending to be AWS) answered with something that is not a known shape.
        public static let invalidResponse = Kind(code: .invalidResponse)
        /// The endpoint's circuit breaker rejected the call without sending it.
        public static let circuitOpen = Kind(code: .circuitOpen)

        public var description: String { code.rawValue }
    }

    public var kind: Kind
    /// AWS's error code (`ThrottlingException`, `QueueDoesNotExist`…) or a client code for client-side failures.
    public var code: String
    public var message: String
    public var requestID: String?
    public var statusCode: Int?
    /// The service's identifier (`SQS`, `App Mesh`), when known.
    public var service: String?
    public var operation: String?
    /// The endpoint called, named in `description` when it did not answer (so "the sandbox is down" and "AWS is
    /// down" read differently); nil for errors raised before any call.
    public var endpoint: String?
    public var isThrottling: Bool
    public var isRetryable: Bool
    /// For `circuitOpen`: how long until the breaker lets a probe through.
    public var retryAfter: Duration?
    /// The query-protocol code that JSON services compatible with it add in `x-amzn-query-error`
    /// (SQS: `AWS.SimpleQueueService.NonExistentQueue`).
    public var legacyCode: String?

    public init(
        kind: Kind,
        code: String,
        message: String,
        requestID: String? = nil,
        statusCode: Int? = nil,
        service: String? = nil,
        operation: String? = nil,
        isThrottling: Bool = false,
        isRetryable: Bool = false,
        retryAfter: Duration? = nil
    ) {
        self.kind = kind
        self.code = code
        self.message = message
        self.requestID = requestID
        self.statusCode = statusCode
        self.service = service
        self.operation = operation
        self.isThrottling = isThrottling
        self.isRetryable = isRetryable
        self.retryAfter = retryAfter
    }

    /// One line: `AWS SQS CreateQueue failed: QueueDeletedRecently (HTTP 400): message [request id …]`.
    public var description: String {
        let unreachable =
            (kind == .circuitOpen || kind == .transport || kind == .timeout) ? endpoint.map { " (\($0))" } ?? "" : ""
        if kind == .circuitOpen || kind == .noCredentials || kind == .invalidConfiguration {
            return message + unreachable
        }
        var text = "AWS"
        if let service { text += " \(service)" }
        if let operation { text += " \(operation)" }
        text += " failed: \(code)"
        if let statusCode { text += " (HTTP \(statusCode))" }
        if !message.isEmpty { text += ": \(message)" }
        if let requestID { text += " [request id \(requestID)]" }
        return text + unreachable
    }
}
