import Foundation
import Logging

extension AWSRuntime {
    /// Sends one operation with signing, the request timeout, the endpoint's breaker and standard-mode retries; a
    /// non-2xx answer becomes an `AWSError`.
    public func send(_ operation: AWSOperationRequest, to service: ServiceDescriptor) async throws -> AWSHTTPResponse {
        let endpoint = try endpoint(for: service)
        let signingRegion = EndpointResolver(configuration: configuration)
            .signingRegion(service, region: region, endpoint: endpoint)
        let request = try makeHTTPRequest(operation, endpoint: endpoint.url)
        let breaker = breakers.breaker(service: service.serviceID, region: signingRegion, endpoint: endpoint.url)
        var logger = self.logger
        logger[metadataKey: "aws.service"] = "\(service.serviceID)"
        logger[metadataKey: "aws.operation"] = "\(operation.operation)"

        var attempt = 1
        var heldRetryTokens = 0
        while true {
            do {
                let response = try await breaker.run {
                    try await attemptOnce(
                        request, operation: operation, service: service, signingRegion: signingRegion, logger: logger,
                        attempt: attempt)
                }
                retryQuota.recordSuccess(refunding: heldRetryTokens)
                return response
            } catch let error as AWSError {
                guard retryPolicy.shouldRetry(error, afterAttempt: attempt),
                    let cost = retryQuota.acquireRetry(afterTimeout: error.kind == .timeout)
                else {
                    logger.debug(
                        "AWS call failed",
                        metadata: ["aws.attempt": "\(attempt)", "aws.error.code": "\(error.code)"])
                    throw error
                }
                heldRetryTokens += cost
                let delay = retryPolicy.delay(afterAttempt: attempt, random: random())
                logger.debug(
                    "AWS call will be retried",
                    metadata: [
                        "aws.attempt": "\(attempt)", "aws.error.code": "\(error.code)",
                        "aws.retry.delay_ms": "\(Int(delay.timeInterval * 1000))",
                        "aws.retry.quota": "\(retryQuota.availableTokens)",
                    ])
                try await clock.sleep(for: delay)
                attempt += 1
            }
        }
    }

    private func attemptOnce(
        _ template: AWSHTTPRequest, operation: AWSOperationRequest, service: ServiceDescriptor, signingRegion: String,
        logger: Logger, attempt: Int
    ) async throws -> AWSHTTPResponse {
        var request = template
        if !operation.isAnonymous {
            let credentials: AWSCredentials
            do {
                credentials = try await credentialProvider.credentials()
            } catch let error as AWSError {
                throw error
            } catch {
                throw AWSError.makeNoCredentials("could not load credentials: \(type(of: error))")
            }
            let signer = SigV4Signer(credentials: credentials, region: signingRegion, signingName: service.signingName)
            signer.signHeaders(&request, date: now())
        }
        let transport = self.transport
        let timeout = configuration.requestTimeout
        let sendable = request
        let response: AWSHTTPResponse
        do {
            response = try await TimeoutRace.run(timeout: timeout, clock: clock) {
                try await transport.send(sendable, timeout: timeout)
            }
        } catch is TimeoutRace.Expired {
            throw AWSError.makeTimeout(after: timeout, service: service.serviceID, operation: operation.operation)
        } catch var error as AWSError {
            error.service = error.service ?? service.serviceID
            error.operation = error.operation ?? operation.operation
            throw error
        }
        logger.trace("AWS call answered", metadata: ["aws.attempt": "\(attempt)", "aws.status": "\(response.statusCode)"])
        guard response.isSuccess else {
            throw ErrorResponseDecoder.decode(
                response, wireProtocol: service.wireProtocol, service: service.serviceID,
                operation: operation.operation)
        }
        return response
    }

    func makeHTTPRequest(_ operation: AWSOperationRequest, endpoint: URL) throws -> AWSHTTPRequest {
        guard let host = endpoint.host, !host.isEmpty else {
            throw AWSError.makeInvalidConfiguration("endpoint '\(endpoint.absoluteString)' has no host")
        }
        var basePath = endpoint.path
        if basePath.hasSuffix("/") { basePath.removeLast() }
        let path = basePath + (operation.path.hasPrefix("/") ? operation.path : "/" + operation.path)
        var headers = operation.headers
        headers.add(name: "User-Agent", value: "labguide-awsclient/1.0")
        return AWSHTTPRequest(
            method: operation.method, scheme: endpoint.scheme ?? "https", host: host, port: endpoint.port, path: path,
            queryItems: operation.queryItems, headers: headers, body: operation.body)
    }
}
