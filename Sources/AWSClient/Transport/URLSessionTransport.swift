import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The default transport: `URLSession` (libcurl on Linux) with keep-alive connections and no caching or cookies.
public final class URLSessionTransport: HTTPTransport {
    private let session: URLSession

    /// - Parameter connectTimeout: how long the session waits without any byte from the server (which is what a
    ///   dead endpoint looks like); FoundationNetworking has no separate connect timer.
    public init(connectTimeout: Duration = .seconds(3)) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.httpMaximumConnectionsPerHost = 16
        configuration.timeoutIntervalForRequest = connectTimeout.timeInterval
        self.session = URLSession(configuration: configuration)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    public func send(_ request: AWSHTTPRequest, timeout: Duration) async throws -> AWSHTTPResponse {
        guard let url = request.url else {
            throw AWSError.makeInvalidConfiguration("cannot build a URL for host '\(request.host)' and path '\(request.path)'")
        }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method
        urlRequest.timeoutInterval = timeout.timeInterval
        for field in request.headers where field.name.lowercased() != "host" {
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name)
        }
        if !request.body.isEmpty || request.method == "POST" || request.method == "PUT" {
            urlRequest.httpBody = request.body
        }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await Self.data(for: urlRequest, in: session)
        } catch let error as URLError {
            if error.code == .timedOut {
                throw AWSError.makeTimeout(after: timeout, service: nil, operation: nil)
            }
            if error.code == .cancelled { throw CancellationError() }
            throw AWSError.makeTransport(Self.describe(error), service: nil, operation: nil)
        }
        guard let http = response as? HTTPURLResponse else {
            throw AWSError.makeTransport("the answer was not HTTP", service: nil, operation: nil)
        }
        var headers = HTTPHeaders()
        for (name, value) in http.allHeaderFields {
            headers.add(name: String(describing: name), value: String(describing: value))
        }
        return AWSHTTPResponse(statusCode: http.statusCode, headers: headers, body: data)
    }

    /// `URLSession.data(for:)` without its deadlock: on Linux it cancels the URLSession task synchronously inside the
    /// Swift task's cancellation handler, which holds the task's status lock while waiting for the session's queue;
    /// a reply completing on that queue at the same moment waits for the status lock, and both threads hang (seen
    /// when `Timeout` cancels a call that is just being answered). Here the cancel is handed to another thread.
    private static func data(for request: URLRequest, in session: URLSession) async throws -> (Data, URLResponse) {
        let cancellation = DeferredCancellation()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<(Data, URLResponse), any Error>) in
                let task = session.dataTask(with: request) { data, response, error in
                    if let response, error == nil {
                        continuation.resume(returning: (data ?? Data(), response))
                    } else {
                        continuation.resume(throwing: error ?? URLError(.badServerResponse))
                    }
                }
                cancellation.attach(task)
                task.resume()
            }
        } onCancel: {
            cancellation.cancel()
        }
    }

    private static func describe(_ error: URLError) -> String {
        switch error.code {
        case .cannotConnectToHost: "connection refused"
        case .networkConnectionLost: "connection reset by the server"
        case .cannotFindHost, .dnsLookupFailed: "host name not found"
        case .notConnectedToInternet: "no network"
        case .secureConnectionFailed: "TLS handshake failed"
        default: "network error \(error.code.rawValue)"
        }
    }
}

extension Duration {
    /// Seconds as `TimeInterval`, for Foundation APIs.
    var timeInterval: TimeInterval {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
