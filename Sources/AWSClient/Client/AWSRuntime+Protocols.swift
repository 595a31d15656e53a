import Foundation

extension AWSRuntime {
    /// Calls a query-protocol operation and returns its `<OperationResult>` element (or the root when absent).
    public func callQuery(
        _ service: ServiceDescriptor, _ parameters: QueryParameters, isAnonymous: Bool = false
    ) async throws -> AWSXMLElement {
        let request = AWSOperationRequest.makeQuery(parameters, isAnonymous: isAnonymous)
        let response = try await send(request, to: service)
        let root: AWSXMLElement
        do {
            root = try XMLDocumentParser.parse(response.body)
        } catch {
            throw AWSError.makeInvalidResponse(
                "the reply to \(request.operation) is not XML", body: Array(response.body),
                statusCode: response.statusCode, service: service.serviceID, operation: request.operation)
        }
        return root.child("\(request.operation)Result") ?? root
    }

    /// Calls a JSON 1.0/1.1 operation (`X-Amz-Target`) and decodes its reply.
    public func callJSON<Output: Decodable>(
        _ service: ServiceDescriptor, _ operation: String, _ input: some Encodable, as output: Output.Type = Output.self
    ) async throws -> Output {
        guard case .json(let version, let targetPrefix) = service.wireProtocol else {
            throw AWSError.makeInvalidConfiguration("\(service.serviceID) does not speak the JSON protocol")
        }
        let request = try AWSOperationRequest.makeJSON(
            operation: operation, version: version, targetPrefix: targetPrefix, input: input)
        return try await decode(output, from: send(request, to: service), service: service, operation: operation)
    }

    /// Calls a restJson1 operation and decodes its reply.
    public func callREST<Output: Decodable>(
        _ service: ServiceDescriptor, _ operation: String, method: String, path: String,
        queryItems: [(name: String, value: String)] = [], input: (any Encodable & Sendable)? = nil,
        as output: Output.Type = Output.self
    ) async throws -> Output {
        let request = try AWSOperationRequest.makeREST(
            operation: operation, method: method, path: path, queryItems: queryItems, input: input)
        return try await decode(output, from: send(request, to: service), service: service, operation: operation)
    }

    func decode<Output: Decodable>(
        _ type: Output.Type, from response: AWSHTTPResponse, service: ServiceDescriptor, operation: String
    ) throws -> Output {
        do {
            return try JSONCoding.decode(type, from: response.body)
        } catch {
            throw AWSError.makeInvalidResponse(
                "the reply to \(operation) is not the JSON AWS documents (\(Self.describe(error)))",
                body: Array(response.body), statusCode: response.statusCode, service: service.serviceID,
                operation: operation)
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing \(key.stringValue)"
        case DecodingError.typeMismatch(_, let context):
            "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.valueNotFound(_, let context):
            "null at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.dataCorrupted: "not valid JSON"
        default: "\(type(of: error))"
        }
    }
}
