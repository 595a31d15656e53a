import AWSClient
import Foundation

/// Reading the JSON that AWS hands back inside strings: filter and redrive policies, message bodies, App Mesh specs.
extension JSONValue {
    /// nil for text that is not JSON, so that a malformed policy reads as "unreadable" rather than throwing.
    init?(parsing text: String) {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else { return nil }
        self = value
    }

    var arrayValue: [JSONValue]? {
        if case .array(let values) = self { return values }
        return nil
    }

    var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// A whole number, also when written as a string: SQS writes `maxReceiveCount` either way.
    var integerValue: Int? {
        switch self {
        case .number(let value): return Int(exactly: value)
        case .string(let text): return Int(text)
        default: return nil
        }
    }

    /// Compact JSON with sorted keys, for quoting a policy in a message.
    var compactText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// The elements of the array under `key` (`listeners`), or none: App Mesh leaves empty lists out.
    func objects(at key: String) -> [JSONValue] {
        self[key]?.arrayValue ?? []
    }
}
