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
            (data, response) = try await session.data(for: urlRequest)
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
