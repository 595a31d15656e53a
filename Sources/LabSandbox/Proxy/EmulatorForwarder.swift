import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Sends one request to moto, in the learner's account, and returns moto's whole answer.
struct EmulatorForwarder: Sendable {
    struct Answer: Sendable {
        let status: Int
        let headers: [(name: String, value: String)]
        let body: Data
    }

    /// Fields that describe one hop, not the message; URLSession sets its own.
    static let hopByHopFields: Set<String> = [
        "connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "proxy-authorization",
        "proxy-connection", "content-length", "host", "expect", "accept-encoding", "content-encoding",
    ]

    private let session: URLSession

    init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.httpMaximumConnectionsPerHost = 32
        configuration.timeoutIntervalForRequest = 60
        // moto is on loopback: a proxy from the environment must never see learners' calls.
        configuration.connectionProxyDictionary = [:]
        session = URLSession(configuration: configuration)
    }

    /// - Parameter host: the `Host` the learner used; moto builds queue URLs from it, so they point at the proxy.
    func send(
        to emulator: URL, method: String, target: String, host: String, headers: [(name: String, value: String)],
        body: Data, account: String
    ) async throws -> Answer {
        guard let url = URL(string: emulator.absoluteString + (target.hasPrefix("/") ? target : "/" + target)) else {
            throw URLError(.badURL)
        }
        var request = URLRequest(url: url)
        request.httpMethod = method
        for (name, value) in headers where !Self.hopByHopFields.contains(name.lowercased()) {
            request.addValue(value, forHTTPHeaderField: name)
        }
        request.setValue(host, forHTTPHeaderField: "Host")
        request.setValue(account, forHTTPHeaderField: "x-moto-account-id")
        if !body.isEmpty || method == "POST" || method == "PUT" { request.httpBody = body }
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        let fields = http.allHeaderFields.compactMap { name, value -> (name: String, value: String)? in
            let name = String(describing: name)
            guard !Self.hopByHopFields.contains(name.lowercased()), name.lowercased() != "date",
                name.lowercased() != "server"
            else { return nil }
            return (name, String(describing: value))
        }
        return Answer(status: http.statusCode, headers: fields, body: data)
    }
}
