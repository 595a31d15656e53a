/// Which failures the "standard" retry mode retries, and which of them are throttling (botocore's
/// `standard.py` lists, as quoted in AWS.md).
public enum RetryClassifier {
    public static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown",
        "EC2ThrottledException",
    ]
    public static let transientCodes: Set<String> = [
        "RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete",
    ]
    public static let transientStatusCodes: Set<Int> = [500, 502, 503, 504]

    public static func isThrottling(code: String, statusCode: Int?) -> Bool {
        throttlingCodes.contains(code) || statusCode == 429 && code.isEmpty
    }

    public static func isRetryable(code: String, statusCode: Int?) -> Bool {
        if isThrottling(code: code, statusCode: statusCode) || transientCodes.contains(code) { return true }
        if let statusCode, transientStatusCodes.contains(statusCode) { return true }
        return false
    }
}
