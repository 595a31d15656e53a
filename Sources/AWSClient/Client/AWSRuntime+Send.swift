import Foundation
import Logging
import Resilience

extension AWSRuntime {
    /// Sends one operation through `retry(breaker(timeout(call)))`: the standard-mode retry outside, the endpoint's
    /// own breaker, then the request timeout on the injected clock. A non-2xx answer becomes an `AWSError`.
    public func send(_ operation: AWSOperationRequest, to service: ServiceDescriptor) async throws -> AWSHTTPResponse {
        let endpoint = try endpoint(for: service)
        let signingRegion = EndpointResolver(configuration: configuration)
            .signingRegion(service, region: region, endpoint: endpoint)
        let request = try makeHTTPRequest(operation, endpoint: endpoint.url)
        let pipeline = ResiliencePipeline(
            retry: retry,
            circuitBreaker: breakers.breaker(service: service.serviceID, region: signingRegion, endpoint: endpoint.url),
            timeout: Timeout(configuration.requestTimeout, clock: clock))
        var logger = self.logger
        logger[metadataKey: "aws.service"] = "\(service.serviceID)"
        logger[metadataKey: "aws.operation"] = "\(operation.operation)"
        let attemptLogger = logger
        let callLog = AWSCallLog.current
        let started = ContinuousClock.now
        func note(status: Int?, errorCode: String?) {
            guard let callLog else { return }
            let elapsed = started.duration(to: .now)
            callLog.append(
                AWSCallRecord(
                    service: service.serviceID, operation: operation.operation, status: status, errorCode: errorCode,
                    milliseconds: Int((elapsed.timeInterval * 1000).rounded())))
        }
        do {
            let response = try await pipeline.execute { attempt in
                try await attemptOnce(
                    request, operation: operation, service: service, signingRegion: signingRegion,
                    logger: attemptLogger, attempt: attempt)
            }
            note(status: response.statusCode, errorCode: nil)
            return response
        } catch let error as TimeoutError {
            note(status: nil, errorCode: "Timeout")
            var timeout = AWSError.makeTimeout(
                after: error.limit, service: service.serviceID, operation: operation.operation)
            timeout.endpoint = endpoint.url.absoluteString
            logger.debug("AWS call timed out", metadata: ["aws.error.code": "\(timeout.code)"])
            throw timeout
        } catch let error as CircuitBreakerOpenError {
            note(status: nil, errorCode: "CircuitOpen")
            logger.debug("AWS call rejected by the endpoint's circuit breaker", metadata: ["aws.endpoint": "\(endpoint.url)"])
            var rejection = AWSError(
                kind: .circuitOpen, code: "CircuitOpen", message: error.description, service: service.serviceID,
                operation: operation.operation, retryAfter: error.rejection.retryAfter)
            rejection.endpoint = endpoint.url.absoluteString
            throw rejection
        } catch var error as AWSError {
            note(status: error.statusCode, errorCode: error.code)
            error.endpoint = error.endpoint ?? endpoint.url.absoluteString
            logger.debug(
                "AWS call failed",
                metadata: ["aws.error.code": "\(error.code)", "aws.status": "\(error.statusCode.map(String.init) ?? "-")"])
            throw error
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
        let response: AWSHTTPResponse
        do {
            response = try await transport.send(request, timeout: configuration.requestTimeout)
        } catch var error as AWSError {
            error.service = error.service ?? service.serviceID
            error.operation = error.operation ?? operation.operation
            logger.debug("AWS attempt failed", metadata: ["aws.attempt": "\(attempt)", "aws.error.code": "\(error.code)"])
            throw error
        }
        logger.trace("AWS call answered", metadata: ["aws.attempt": "\(attempt)", "aws.status": "\(response.statusCode)"])
        guard response.isSuccess else {
            let error = ErrorResponseDecoder.decode(
                response, wireProtocol: service.wireProtocol, service: service.serviceID,
                operation: operation.operation)
            logger.debug(
                "AWS attempt failed",
                metadata: [
                    "aws.attempt": "\(attempt)", "aws.error.code": "\(error.code)", "aws.status": "\(response.statusCode)",
                    "aws.request_id": "\(error.requestID ?? "-")",
                ])
            throw error
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
