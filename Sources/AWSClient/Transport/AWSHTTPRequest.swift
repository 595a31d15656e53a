public import Foundation

/// An HTTP request as the signer and the transport see it: the path exactly as it goes on the wire and the query as
/// decoded pairs, so that the signer can canonicalise both without guessing what was already encoded.
public struct AWSHTTPRequest: Sendable {
    public var method: String
    public var scheme: String
    public var host: String
    public var port: Int?
    /// The path as sent on the wire (already percent-encoded once), starting with `/`.
    public var path: String
    /// Decoded query parameters in the order they were added.
    public var queryItems: [(name: String, value: String)]
    public var headers: HTTPHeaders
    public var body: Data

    public init(
        method: String,
        scheme: String = "https",
        host: String,
        port: Int? = nil,
        path: String = "/",
        queryItems: [(name: String, value: String)] = [],
        headers: HTTPHeaders = HTTPHeaders(),
        body: Data = Data()
    ) {
        self.method = method
        self.scheme = scheme
        self.host = host
        self.port = port
        self.path = path
        self.queryItems = queryItems
        self.headers = headers
        self.body = body
    }

    /// The value of the `Host` header: the host plus the port when it is not the scheme's default.
    public var hostHeaderValue: String {
        guard let port else { return host }
        let isDefaultPort = (scheme == "https" && port == 443) || (scheme == "http" && port == 80)
        return isDefaultPort ? host : "\(host):\(port)"
    }

    /// The query string as sent on the wire, each name and value percent-encoded with the AWS rules.
    public var encodedQuery: String {
        queryItems.map { URIEncoding.encode($0.name) + "=" + URIEncoding.encode($0.value) }.joined(separator: "&")
    }

    /// The full URL for the transport.
    public var url: URL? {
        var text = "\(scheme)://\(host)"
        if let port { text += ":\(port)" }
        text += path.isEmpty ? "/" : path
        if !queryItems.isEmpty { text += "?" + encodedQuery }
        return URL(string: text)
    }
}
