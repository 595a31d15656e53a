import Crypto
import Foundation

extension SigV4Signer {
    /// Lower-cased, sorted header lines (`name:value\n` each, duplicates joined with `,`) and the signed names.
    static func canonicalHeaders(_ request: AWSHTTPRequest) -> (lines: String, signedNames: String) {
        var valuesByName: [String: [String]] = [:]
        var hasHost = false
        for field in request.headers {
            let name = field.name.lowercased()
            if unsignedHeaderNames.contains(name) { continue }
            if name == "host" { hasHost = true }
            valuesByName[name, default: []].append(collapseWhitespace(field.value))
        }
        if !hasHost { valuesByName["host"] = [request.hostHeaderValue] }
        let names = valuesByName.keys.sorted()
        var lines = ""
        for name in names {
            lines += name + ":" + valuesByName[name, default: []].joined(separator: ",") + "\n"
        }
        return (lines, names.joined(separator: ";"))
    }

    /// Query pairs encoded, then sorted by name and value; `name=` for empty values.
    static func canonicalQuery(_ items: [(name: String, value: String)]) -> String {
        if items.isEmpty { return "" }
        var encoded: [(name: String, value: String)] = items.map {
            (URIEncoding.encode($0.name), URIEncoding.encode($0.value))
        }
        encoded.sort { left, right in
            left.name == right.name ? left.value < right.value : left.name < right.name
        }
        var parts: [String] = []
        parts.reserveCapacity(encoded.count)
        for pair in encoded { parts.append(pair.name + "=" + pair.value) }
        return parts.joined(separator: "&")
    }

    /// Trims a header value and collapses inner runs of whitespace (including folded line breaks) into one space.
    static func collapseWhitespace(_ value: String) -> String {
        var output = ""
        output.reserveCapacity(value.utf8.count)
        var pendingSpace = false
        for character in value.unicodeScalars {
            if character == " " || character == "\t" || character == "\n" || character == "\r" {
                pendingSpace = !output.isEmpty
                continue
            }
            if pendingSpace {
                output.unicodeScalars.append(" ")
                pendingSpace = false
            }
            output.unicodeScalars.append(character)
        }
        return output
    }

    static func hexSHA256(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(64)
        for byte in bytes {
            output.append(hexDigits[Int(byte >> 4)])
            output.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }
}
