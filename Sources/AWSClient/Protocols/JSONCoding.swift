public import Foundation

/// JSON encoding and decoding shared by the JSON and restJson1 protocols: no escaped slashes, absent optionals
/// omitted, timestamps as epoch seconds (the protocols' default).
public enum JSONCoding {
    public static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        encoder.dateEncodingStrategy = .secondsSince1970
        return try encoder.encode(value)
    }

    public static func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return try decoder.decode(type, from: data.isEmpty ? Data("{}".utf8) : data)
    }
}

/// The input of calls that send `{}` and the output of calls whose reply is ignored.
public struct EmptyShape: Codable, Sendable {
    public init() {}
}
