import Foundation

extension AWSError {
    static func makeInvalidConfiguration(_ message: String) -> AWSError {
        AWSError(kind: .invalidConfiguration, code: "InvalidConfiguration", message: message)
    }

    static func makeNoCredentials(_ message: String) -> AWSError {
        AWSError(kind: .noCredentials, code: "NoCredentials", message: message)
    }

    static func makeTimeout(after duration: Duration, service: String?, operation: String?) -> AWSError {
        AWSError(
            kind: .timeout, code: "RequestTimeout", message: "no answer within \(duration.secondsDescription)",
            service: service, operation: operation, isRetryable: true)
    }

    static func makeTransport(_ reason: String, service: String?, operation: String?) -> AWSError {
        AWSError(
            kind: .transport, code: "ConnectionError", message: reason, service: service, operation: operation,
            isRetryable: true)
    }

    /// Describes a reply that is neither a success shape nor an AWS error shape, quoting the start of what came back.
    static func makeInvalidResponse(
        _ problem: String, body: [UInt8], statusCode: Int?, service: String?, operation: String?
    ) -> AWSError {
        let preview = String(decoding: body.prefix(120), as: UTF8.self)
            .replacingOccurrences(of: "\n", with: " ")
            .trimmingCharacters(in: .whitespaces)
        let shown = preview.isEmpty ? "an empty body" : "\"\(preview)\(body.count > 120 ? "…" : "")\""
        return AWSError(
            kind: .invalidResponse, code: "InvalidResponse", message: "\(problem); the server sent \(shown)",
            statusCode: statusCode, service: service, operation: operation,
            isRetryable: (statusCode ?? 0) >= 500)
    }
}

extension Duration {
    /// `12 s`, `1.5 s` or `250 ms`, for messages.
    var secondsDescription: String {
        let milliseconds = Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
        if milliseconds < 1000 { return "\(Int(milliseconds.rounded())) ms" }
        let seconds = milliseconds / 1000
        if seconds == seconds.rounded() { return "\(Int(seconds)) s" }
        return "\((seconds * 10).rounded() / 10) s"
    }
}
