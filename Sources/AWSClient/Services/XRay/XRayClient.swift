public import Foundation

/// AWS X-Ray over restJson1.
public struct XRayClient: Sendable {
    public let runtime: AWSRuntime
    static let service = ServiceDescriptor.xRay

    public init(runtime: AWSRuntime) {
        self.runtime = runtime
    }

    public struct TraceSummary: Decodable, Sendable {
        public let Id: String?
        public let Duration: Double?
        public let ResponseTime: Double?
        public let HasError: Bool?
        public let HasFault: Bool?
        public let HasThrottle: Bool?
    }

    /// Trace summaries between two times, optionally filtered, page by page (`NextToken` in the body).
    public func getTraceSummaries(start: Date, end: Date, filterExpression: String? = nil)
        -> PaginatedSequence<TraceSummary>
    {
        struct Input: Encodable, Sendable {
            let StartTime: Double
            let EndTime: Double
            let FilterExpression: String?
            let NextToken: String?
        }
        struct Output: Decodable {
            let TraceSummaries: [TraceSummary]?
            let NextToken: String?
        }
        let runtime = self.runtime
        return PaginatedSequence { token in
            let input = Input(
                StartTime: start.timeIntervalSince1970, EndTime: end.timeIntervalSince1970,
                FilterExpression: filterExpression, NextToken: token)
            let output = try await runtime.callREST(
                Self.service, "GetTraceSummaries", method: "POST", path: "/TraceSummaries", input: input,
                as: Output.self)
            return (output.TraceSummaries ?? [], output.NextToken)
        }
    }

    /// Sends raw segment documents (JSON strings); returns the ids X-Ray could not process.
    @discardableResult
    public func putTraceSegments(_ documents: [String]) async throws -> [String] {
        struct Input: Encodable, Sendable { let TraceSegmentDocuments: [String] }
        struct Unprocessed: Decodable { let Id: String? }
        struct Output: Decodable { let UnprocessedTraceSegments: [Unprocessed]? }
        let output = try await runtime.callREST(
            Self.service, "PutTraceSegments", method: "POST", path: "/TraceSegments",
            input: Input(TraceSegmentDocuments: documents), as: Output.self)
        return (output.UnprocessedTraceSegments ?? []).compactMap(\.Id)
    }

    public struct Trace: Decodable, Sendable {
        public struct Segment: Decodable, Sendable {
            public let Id: String?
            /// The segment document as it was put: JSON with `name`, `trace_id`, `start_time`…
            public let Document: String?
        }

        public let Id: String?
        public let Duration: Double?
        public let Segments: [Segment]?
    }

    /// Whole traces with their segment documents, for up to five ids per call (X-Ray's limit).
    public func batchGetTraces(ids: [String]) async throws -> [Trace] {
        struct Input: Encodable, Sendable {
            let TraceIds: [String]
            let NextToken: String?
        }
        struct Output: Decodable {
            let Traces: [Trace]?
            let NextToken: String?
        }
        var traces: [Trace] = []
        var token: String?
        repeat {
            let output = try await runtime.callREST(
                Self.service, "BatchGetTraces", method: "POST", path: "/Traces",
                input: Input(TraceIds: ids, NextToken: token), as: Output.self)
            traces += output.Traces ?? []
            token = output.NextToken
        } while token != nil
        return traces
    }
}
