public import Foundation

/// A DynamoDB attribute value in its wire form (`{"S": "…"}`, `{"N": "12"}`, `{"M": {…}}`…).
public indirect enum DynamoDBAttributeValue: Codable, Sendable, Equatable {
    case string(String)
    case number(String)
    case binary(Data)
    case bool(Bool)
    case null
    case list([DynamoDBAttributeValue])
    case map([String: DynamoDBAttributeValue])
    case stringSet([String])
    case numberSet([String])

    private enum CodingKeys: String, CodingKey {
        case S, N, B, BOOL, NULL, L, M, SS, NS
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let value = try container.decodeIfPresent(String.self, forKey: .S) {
            self = .string(value)
        } else if let value = try container.decodeIfPresent(String.self, forKey: .N) {
            self = .number(value)
        } else if let value = try container.decodeIfPresent(Data.self, forKey: .B) {
            self = .binary(value)
        } else if let value = try container.decodeIfPresent(Bool.self, forKey: .BOOL) {
            self = .bool(value)
        } else if container.contains(.NULL) {
            self = .null
        } else if let value = try container.decodeIfPresent([DynamoDBAttributeValue].self, forKey: .L) {
            self = .list(value)
        } else if let value = try container.decodeIfPresent([String: DynamoDBAttributeValue].self, forKey: .M) {
            self = .map(value)
        } else if let value = try container.decodeIfPresent([String].self, forKey: .SS) {
            self = .stringSet(value)
        } else if let value = try container.decodeIfPresent([String].self, forKey: .NS) {
            self = .numberSet(value)
        } else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "unknown attribute value type"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .string(let value): try container.encode(value, forKey: .S)
        case .number(let value): try container.encode(value, forKey: .N)
        case .binary(let value): try container.encode(value, forKey: .B)
        case .bool(let value): try container.encode(value, forKey: .BOOL)
        case .null: try container.encode(true, forKey: .NULL)
        case .list(let value): try container.encode(value, forKey: .L)
        case .map(let value): try container.encode(value, forKey: .M)
        case .stringSet(let value): try container.encode(value, forKey: .SS)
        case .numberSet(let value): try container.encode(value, forKey: .NS)
        }
    }
}
