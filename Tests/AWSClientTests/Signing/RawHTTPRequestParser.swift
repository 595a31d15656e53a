import AWSClient
import Foundation

/// Parses the raw request files of the SigV4 suites into an `AWSHTTPRequest`. The request line's path may hold spaces
/// and raw UTF-8, and folded header lines (starting with whitespace) continue the previous header.
enum RawHTTPRequestParser {
    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ text: String) throws -> AWSHTTPRequest {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        let headEnd = normalized.range(of: "\n\n")
        let head = headEnd.map { String(normalized[..<$0.lowerBound]) } ?? normalized
        let body = headEnd.map { String(normalized[$0.upperBound...]) } ?? ""
        var lines = head.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard !lines.isEmpty else { throw ParseError(description: "empty request") }
        let requestLine = lines.removeFirst()
        guard let firstSpace = requestLine.firstIndex(of: " "),
            let versionStart = requestLine.range(of: " HTTP/", options: .backwards)
        else { throw ParseError(description: "bad request line: \(requestLine)") }
        let method = String(requestLine[..<firstSpace])
        let target = String(requestLine[requestLine.index(after: firstSpace)..<versionStart.lowerBound])

        var headers = HTTPHeaders()
        var fields: [(name: String, value: String)] = []
        for line in lines where !line.isEmpty {
            if line.first == " " || line.first == "\t", !fields.isEmpty {
                fields[fields.count - 1].value += "\n" + line
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { throw ParseError(description: "bad header: \(line)") }
            fields.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
        }
        for field in fields { headers.add(name: field.name, value: field.value) }

        let path: String
        var queryItems: [(name: String, value: String)] = []
        if let question = target.firstIndex(of: "?") {
            path = String(target[..<question])
            for pair in target[target.index(after: question)...].split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = URIEncoding.decode(String(parts[0]))
                let value = parts.count > 1 ? URIEncoding.decode(String(parts[1])) : ""
                queryItems.append((name, value))
            }
        } else {
            path = target
        }
        let host = headers["Host"] ?? "example.amazonaws.com"
        return AWSHTTPRequest(
            method: method, host: host, path: path, queryItems: queryItems, headers: headers, body: Data(body.utf8))
    }
}
