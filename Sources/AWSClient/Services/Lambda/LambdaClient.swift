public import Foundation

/// AWS Lambda over restJson1 (`/2015-03-31/functions…`).
public struct LambdaClient: Sendable {
    public let runtime: AWSRuntime
    static let service = ServiceDescriptor.lambda
    static let functionsPath = "/2015-03-31/functions"

    public init(runtime: AWSRuntime) {
        self.runtime = runtime
    }

    public struct FunctionConfiguration: Decodable, Sendable {
        public let FunctionName: String
        public let FunctionArn: String
        public let Runtime: String?
        public let Role: String?
        public let Handler: String?
        public let State: String?
    }

    public struct FunctionDefinition: Sendable {
        public var name: String
        public var runtime: String = "python3.12"
        public var roleARN: String
        public var handler: String = "index.handler"
        /// The deployment package (a zip file).
        public var zipFile: Data
        public var timeoutSeconds: Int?
        public var environment: [String: String] = [:]

        public init(name: String, roleARN: String, zipFile: Data) {
            self.name = name
            self.roleARN = roleARN
            self.zipFile = zipFile
        }
    }

    /// Creates a function; the role must exist (moto checks too).
    public func createFunction(_ definition: FunctionDefinition) async throws -> FunctionConfiguration {
        struct Code: Encodable { let ZipFile: String }
        struct Environment: Encodable { let Variables: [String: String] }
        struct Input: Encodable {
            let FunctionName: String
            let Runtime: String
            let Role: String
            let Handler: String
            let Code: Code
            let Timeout: Int?
            let Environment: Environment?
        }
        let input = Input(
            FunctionName: definition.name, Runtime: definition.runtime, Role: definition.roleARN,
            Handler: definition.handler, Code: Code(ZipFile: definition.zipFile.base64EncodedString()),
            Timeout: definition.timeoutSeconds,
            Environment: definition.environment.isEmpty ? nil : Environment(Variables: definition.environment))
        return try await runtime.callREST(
            Self.service, "CreateFunction", method: "POST", path: Self.functionsPath, input: input,
            as: FunctionConfiguration.self)
    }

    public func getFunction(name: String) async throws -> FunctionConfiguration {
        struct Output: Decodable { let Configuration: FunctionConfiguration }
        return try await runtime.callREST(
            Self.service, "GetFunction", method: "GET", path: "\(Self.functionsPath)/\(URIEncoding.encode(name))",
            as: Output.self
        ).Configuration
    }

    public func deleteFunction(name: String) async throws {
        _ = try await runtime.send(
            AWSOperationRequest(
                operation: "DeleteFunction", method: "DELETE", path: "\(Self.functionsPath)/\(URIEncoding.encode(name))"),
            to: Self.service)
    }

    /// Function configurations, page by page (`Marker` → `NextMarker`).
    public func listFunctions(pageSize: Int? = nil) -> PaginatedSequence<FunctionConfiguration> {
        struct Output: Decodable {
            let Functions: [FunctionConfiguration]?
            let NextMarker: String?
        }
        let runtime = self.runtime
        return PaginatedSequence { marker in
            var query: [(name: String, value: String)] = []
            if let marker { query.append(("Marker", marker)) }
            if let pageSize { query.append(("MaxItems", String(pageSize))) }
            let output = try await runtime.callREST(
                Self.service, "ListFunctions", method: "GET", path: Self.functionsPath + "/", queryItems: query,
                as: Output.self)
            return (output.Functions ?? [], output.NextMarker)
        }
    }

    public struct InvocationResult: Sendable {
        public let statusCode: Int
        public let payload: Data
        /// `Handled` or `Unhandled` when the function threw.
        public let functionError: String?
    }

    /// Invokes a function synchronously (`RequestResponse`) with a JSON payload.
    public func invoke(name: String, payload: Data = Data("{}".utf8)) async throws -> InvocationResult {
        let request = AWSOperationRequest(
            operation: "Invoke", method: "POST",
            path: "\(Self.functionsPath)/\(URIEncoding.encode(name))/invocations",
            headers: HTTPHeaders([("Content-Type", "application/json"), ("X-Amz-Invocation-Type", "RequestResponse")]),
            body: payload)
        let response = try await runtime.send(request, to: Self.service)
        return InvocationResult(
            statusCode: response.statusCode, payload: response.body,
            functionError: response.headers["X-Amz-Function-Error"])
    }
}
