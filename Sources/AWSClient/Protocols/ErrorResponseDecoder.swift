import Foundation

/// Turns a non-2xx answer into an `AWSError`, for each protocol's error shape:
/// query `<ErrorResponse><Error><Code/><Message/></Error><RequestId/>`, JSON `__type`/`code` (cut at `:`, keep after
/// `#`) or the `X-Amzn-Errortype` header, plus SQS's `x-amzn-query-error: <LegacyCode>;Sender`.
public enum ErrorResponseDecoder {
    public static func decode(
        _ response: AWSHTTPResponse, wireProtocol: WireProtocol, service: String?, operation: String?
    ) -> AWSError {
        let requestID = response.headers["x-amzn-RequestId"] ?? response.headers["x-amz-request-id"]
        var code: String?
        var message: String?
        var bodyRequestID: String?
        if let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any] {
            code = (object["__type"] as? String) ?? (object["code"] as? String) ?? (object["Code"] as? String)
            message =
                (object["message"] as? String) ?? (object["Message"] as? String) ?? (object["errorMessage"] as? String)
        } else if let root = try? XMLDocumentParser.parse(response.body), let error = root.firstDescendant(named: "Error") {
            // The query shape; JSON services behind some proxies (and moto's auth layer) answer with it too.
            code = error.string(at: "Code")
            message = error.string(at: "Message")
            bodyRequestID = root.firstDescendant(named: "RequestId")?.text ?? root.firstDescendant(named: "RequestID")?.text
        }
        if case .query = wireProtocol {
        } else if let header = response.headers["X-Amzn-Errortype"], !header.isEmpty {
            code = header
        }
        guard let rawCode = code, !rawCode.isEmpty else {
            if let statusCode = Optional(response.statusCode),
                RetryClassifier.transientStatusCodes.contains(statusCode)
                    || statusCode == 429 || statusCode == 403 || statusCode == 404
            {
                if response.body.isEmpty {
                    return AWSError(
                        kind: .service, code: "HTTP\(statusCode)", message: "empty reply", requestID: requestID,
                        statusCode: statusCode, service: service, operation: operation,
                        isThrottling: statusCode == 429,
                        isRetryable: RetryClassifier.transientStatusCodes.contains(statusCode) || statusCode == 429)
                }
            }
            var error = AWSError.makeInvalidResponse(
                "HTTP \(response.statusCode) without an AWS error code", body: Array(response.body),
                statusCode: response.statusCode, service: service, operation: operation)
            error.requestID = requestID
            error.isThrottling = response.statusCode == 429
            error.isRetryable = error.isRetryable || response.statusCode == 429
            return error
        }
        let cleanCode = normalize(rawCode)
        var error = AWSError(
            kind: .service, code: cleanCode, message: message ?? "", requestID: requestID ?? bodyRequestID,
            statusCode: response.statusCode, service: service, operation: operation,
            isThrottling: RetryClassifier.isThrottling(code: cleanCode, statusCode: response.statusCode),
            isRetryable: RetryClassifier.isRetryable(code: cleanCode, statusCode: response.statusCode))
        if let queryError = response.headers["x-amzn-query-error"],
            let legacy = queryError.split(separator: ";").first, !legacy.isEmpty
        {
            error.legacyCode = String(legacy)
        }
        return error
    }

    /// `aws.protocoltests#ComplexError:http://…` → `ComplexError`.
    static func normalize(_ code: String) -> String {
        var value = Substring(code)
        if let colon = value.firstIndex(of: ":") { value = value[..<colon] }
        if let hash = value.lastIndex(of: "#") { value = value[value.index(after: hash)...] }
        return value.trimmingCharacters(in: .whitespaces)
    }
}
