/// Amazon DynamoDB over JSON 1.0 (`DynamoDB_20120810.<Operation>`).
public struct DynamoDBClient: Sendable {
    public let runtime: AWSRuntime
    static let service = ServiceDescriptor.dynamoDB

    public init(runtime: AWSRuntime) {
        self.runtime = runtime
    }

    public typealias Item = [String: DynamoDBAttributeValue]

    public struct KeyElement: Codable, Sendable {
        public let AttributeName: String
        /// `HASH` or `RANGE`.
        public let KeyType: String

        public init(name: String, keyType: String) {
            AttributeName = name
            KeyType = keyType
        }
    }

    public struct AttributeDefinition: Codable, Sendable {
        public let AttributeName: String
        /// `S`, `N` or `B`.
        public let AttributeType: String

        public init(name: String, type: String) {
            AttributeName = name
            AttributeType = type
        }
    }

    public struct TableDescription: Decodable, Sendable {
        public let TableName: String
        public let TableStatus: String?
        public let TableArn: String?
        public let ItemCount: Int?
        public let KeySchema: [KeyElement]?
    }

    /// Creates an on-demand table.
    public func createTable(name: String, keySchema: [KeyElement], attributes: [AttributeDefinition]) async throws
        -> TableDescription
    {
        struct Input: Encodable {
            let TableName: String
            let KeySchema: [KeyElement]
            let AttributeDefinitions: [AttributeDefinition]
            let BillingMode: String
        }
        struct Output: Decodable { let TableDescription: TableDescription }
        let input = Input(
            TableName: name, KeySchema: keySchema, AttributeDefinitions: attributes, BillingMode: "PAY_PER_REQUEST")
        return try await runtime.callJSON(Self.service, "CreateTable", input, as: Output.self).TableDescription
    }

    public func describeTable(name: String) async throws -> TableDescription {
        struct Input: Encodable { let TableName: String }
        struct Output: Decodable { let Table: TableDescription }
        return try await runtime.callJSON(Self.service, "DescribeTable", Input(TableName: name), as: Output.self).Table
    }

    public func deleteTable(name: String) async throws {
        struct Input: Encodable { let TableName: String }
        _ = try await runtime.callJSON(Self.service, "DeleteTable", Input(TableName: name), as: EmptyShape.self)
    }

    /// Table names, page by page (`ExclusiveStartTableName` → `LastEvaluatedTableName`).
    public func listTables(pageSize: Int? = nil) -> PaginatedSequence<String> {
        struct Input: Encodable {
            let ExclusiveStartTableName: String?
            let Limit: Int?
        }
        struct Output: Decodable {
            let TableNames: [String]?
            let LastEvaluatedTableName: String?
        }
        let runtime = self.runtime
        return PaginatedSequence { token in
            let output = try await runtime.callJSON(
                Self.service, "ListTables", Input(ExclusiveStartTableName: token, Limit: pageSize), as: Output.self)
            return (output.TableNames ?? [], output.LastEvaluatedTableName)
        }
    }

    public func putItem(table: String, item: Item) async throws {
        struct Input: Encodable {
            let TableName: String
            let Item: Item
        }
        _ = try await runtime.callJSON(Self.service, "PutItem", Input(TableName: table, Item: item), as: EmptyShape.self)
    }

    /// The item with that key, or `nil` when there is none.
    public func getItem(table: String, key: Item, consistentRead: Bool = false) async throws -> Item? {
        struct Input: Encodable {
            let TableName: String
            let Key: Item
            let ConsistentRead: Bool
        }
        struct Output: Decodable { let Item: Item? }
        let input = Input(TableName: table, Key: key, ConsistentRead: consistentRead)
        return try await runtime.callJSON(Self.service, "GetItem", input, as: Output.self).Item
    }
}
