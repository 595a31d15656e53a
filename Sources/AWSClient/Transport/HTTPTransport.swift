/// Sends one HTTP request and returns the whole answer. The client's only door to the network, so that tests and
/// other stacks (AsyncHTTPClient, a recording fake) can replace URLSession.
public protocol HTTPTransport: Sendable {
    /// Throws `AWSError` of kind `.transport` when no HTTP answer arrives (refused, reset, DNS), `.timeout` when the
    /// transport's own timer fires. Honours task cancellation.
    func send(_ request: AWSHTTPRequest, timeout: Duration) async throws -> AWSHTTPResponse
}
