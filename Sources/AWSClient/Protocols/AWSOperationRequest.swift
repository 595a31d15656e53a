public import Foundation

/// One operation call before endpoint, signing and transport: what each service client builds.
public struct AWSOperationRequest: Sendable {
    public var operation: String
    public var method: String
    /// Path below the endpoint's own path, already percent-encoded for the wire.
    public var path: String
    public var queryItems: [(name: String, value: String)]
    public var headers: HTTPHeaders
    public var body: Data
    /// Unsigned calls (STS `AssumeRoleWithWebIdentity`) skip credentials entirely.
    public var isAnonymous: Bool

    public init(
        operation: String,
        method: String = "POST",
        path: String = "/",
        queryItems: [(name: String, value: String)] = [],
        headers: HTTPHeaders = HTTPHeaders(),
        body: Data = Data(),
        isAnonymous: Bool = false
    ) {
        self.operation = operation
        self.method = method
        self.path = path
        self.queryItems = queryItems
        self.headers = headers
        self.body = body
        self.isAnonymous = isAnonymous
    }

    /// A query-protocol call.
    public static func makeQuery(_ parameters: QueryParameters, isAnonymous: Bool = false) -> AWSOperationRequest {
        let action = parameters.items.first { $0.name == "Action" }?.value ?? ""
        return AWSOperationRequest(
            operation: action,
            headers: HTTPHeaders([("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")]),
            body: parameters.formBody,
            isAnonymous: isAnonymous)
    }

    /// A JSON 1.0/1.1 call with `X-Amz-Target`.
    public static func makeJSON(
        operation: String, version: String, targetPrefix: String, input: some Encodable
    ) throws -> AWSOperationRequest {
        AWSOperationRequest(
            operation: operation,
            headers: HTTPHeaders([
                ("Content-Type", "application/x-amz-json-\(version)"), ("X-Amz-Target", "\(targetPrefix).\(operation)"),
            ]),
            body: try JSONCoding.encode(input))
    }

    /// A restJson1 call. `input` is the JSON body, if any.
    public static func makeREST(
        operation: String, method: String, path: String, queryItems: [(name: String, value: String)] = [],
        input: (any Encodable & Sendable)? = nil
    ) throws -> AWSOperationRequest {
        var headers = HTTPHeaders()
        var body = Data()
        if let input {
            headers.add(name: "Content-Type", value: "application/json")
            body = try JSONCoding.encode(input)
        }
        return AWSOperationRequest(
            operation: operation, method: method, path: path, queryItems: queryItems, headers: headers, body: body)
    }

    /// Percent-encodes one path segment (a mesh or function name) for `makeREST` paths.
    public static func pathSegment(_ value: String) -> String {
        URIEncoding.encode(value)
    }
}
