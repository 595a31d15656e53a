/// Amazon CloudWatch Logs over JSON 1.1 (`Logs_20140328.<Operation>`), signed as `logs`: the log groups the ECS tasks
/// write to.
public struct CloudWatchLogsClient: Sendable {
    public let runtime: AWSRuntime
    static let service = ServiceDescriptor.cloudWatchLogs

    public init(runtime: AWSRuntime) {
        self.runtime = runtime
    }

    public struct LogGroup: Decodable, Sendable, Equatable {
        public let logGroupName: String
        /// The ARN without the `:*` suffix that `arn` carries.
        public let logGroupArn: String?
        public let retentionInDays: Int?
    }

    public func createLogGroup(name: String, tags: [String: String] = [:]) async throws {
        struct Input: Encodable {
            let logGroupName: String
            let tags: [String: String]?
        }
        _ = try await runtime.callJSON(
            Self.service, "CreateLogGroup", Input(logGroupName: name, tags: tags.isEmpty ? nil : tags),
            as: EmptyShape.self)
    }

    /// Log groups whose names start with `prefix`, page by page (`nextToken`).
    public func describeLogGroups(prefix: String? = nil, pageSize: Int? = nil) -> PaginatedSequence<LogGroup> {
        struct Input: Encodable {
            let logGroupNamePrefix: String?
            let nextToken: String?
            let limit: Int?
        }
        struct Output: Decodable {
            let logGroups: [LogGroup]?
            let nextToken: String?
        }
        let runtime = self.runtime
        return PaginatedSequence { token in
            let input = Input(logGroupNamePrefix: prefix, nextToken: token, limit: pageSize)
            let output = try await runtime.callJSON(Self.service, "DescribeLogGroups", input, as: Output.self)
            return (output.logGroups ?? [], output.nextToken)
        }
    }

    public func deleteLogGroup(name: String) async throws {
        struct Input: Encodable { let logGroupName: String }
        _ = try await runtime.callJSON(Self.service, "DeleteLogGroup", Input(logGroupName: name), as: EmptyShape.self)
    }

    /// The tags of a log group, by its ARN (without `:*`).
    public func listTags(resourceARN: String) async throws -> [String: String] {
        struct Input: Encodable { let resourceArn: String }
        struct Output: Decodable { let tags: [String: String]? }
        return try await runtime.callJSON(
            Self.service, "ListTagsForResource", Input(resourceArn: resourceARN), as: Output.self
        ).tags ?? [:]
    }
}
