/// A small, strict XML parser for AWS replies. Anything that is not well-formed XML throws, so that an HTML page or
/// garbage from a proxy becomes a clear `AWSError` instead of a crash or a silent empty result.
public struct XMLDocumentParser {
    public struct ParseError: Error, Sendable, CustomStringConvertible {
        public let offset: Int
        public let reason: String
        public var description: String { "malformed XML at byte \(offset): \(reason)" }
    }

    private let bytes: [UInt8]
    private var index = 0

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Parses a document and returns its root element.
    public static func parse(_ bytes: some Collection<UInt8>) throws -> AWSXMLElement {
        var parser = XMLDocumentParser(Array(bytes))
        parser.skipProlog()
        guard parser.peek() == UInt8(ascii: "<") else { throw parser.failure("expected a root element") }
        let root = try parser.parseElement()
        parser.skipProlog()
        guard parser.index >= parser.bytes.count else { throw parser.failure("content after the root element") }
        return root
    }

    private func peek(_ offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private func failure(_ reason: String) -> ParseError {
        ParseError(offset: index, reason: reason)
    }

    private func hasPrefix(_ text: String) -> Bool {
        var position = index
        for byte in text.utf8 {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
        }
        return true
    }

    /// Skips whitespace, `<?…?>` declarations, comments and a doctype.
    private mutating func skipProlog() {
        while index < bytes.count {
            if isWhitespace(bytes[index]) {
                index += 1
            } else if hasPrefix("<?") {
                skip(past: "?>")
            } else if hasPrefix("<!--") {
                skip(past: "-->")
            } else if hasPrefix("<!DOCTYPE") || hasPrefix("<!doctype") {
                skip(past: ">")
            } else {
                return
            }
        }
    }

    private mutating func skip(past terminator: String) {
        while index < bytes.count && !hasPrefix(terminator) { index += 1 }
        index = min(bytes.count, index + terminator.utf8.count)
    }

    private mutating func parseElement() throws -> AWSXMLElement {
        index += 1  // "<"
        let name = try parseName()
        var element = AWSXMLElement(name: name)
        while true {
            skipWhitespace()
            guard let byte = peek() else { throw failure("unterminated start tag <\(name)>") }
            if byte == UInt8(ascii: "/") {
                guard peek(1) == UInt8(ascii: ">") else { throw failure("expected '>' after '/'") }
                index += 2
                return element
            }
            if byte == UInt8(ascii: ">") {
                index += 1
                break
            }
            let attributeName = try parseName()
            skipWhitespace()
            guard peek() == UInt8(ascii: "=") else { throw failure("attribute \(attributeName) has no value") }
            index += 1
            skipWhitespace()
            guard let quote = peek(), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                throw failure("attribute value must be quoted")
            }
            index += 1
            let start = index
            while let current = peek(), current != quote { index += 1 }
            guard peek() == quote else { throw failure("unterminated attribute value") }
            element.attributes[attributeName] = try decodeEntities(bytes[start..<index])
            index += 1
        }
        try parseContent(into: &element)
        return element
    }

    private mutating func parseContent(into element: inout AWSXMLElement) throws {
        var text: [UInt8] = []
        while index < bytes.count {
            if hasPrefix("</") {
                index += 2
                let closing = try parseName()
                guard closing == element.name else {
                    throw failure("closing tag </\(closing)> does not match <\(element.name)>")
                }
                skipWhitespace()
                guard peek() == UInt8(ascii: ">") else { throw failure("expected '>' in </\(closing)>") }
                index += 1
                element.text = try decodeEntities(text[...])
                return
            } else if hasPrefix("<!--") {
                skip(past: "-->")
            } else if hasPrefix("<![CDATA[") {
                index += 9
                while index < bytes.count && !hasPrefix("]]>") {
                    if bytes[index] == UInt8(ascii: "&") { text += Array("&amp;".utf8) } else { text.append(bytes[index]) }
                    index += 1
                }
                index += 3
            } else if bytes[index] == UInt8(ascii: "<") {
                element.children.append(try parseElement())
            } else {
                text.append(bytes[index])
                index += 1
            }
        }
        throw failure("element <\(element.name)> is never closed")
    }

    private mutating func parseName() throws -> String {
        let start = index
        while let byte = peek(), !isWhitespace(byte), byte != UInt8(ascii: ">"), byte != UInt8(ascii: "/"),
            byte != UInt8(ascii: "="), byte != UInt8(ascii: "<")
        {
            index += 1
        }
        guard index > start else { throw failure("expected a name") }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), isWhitespace(byte) { index += 1 }
    }

    private func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private func decodeEntities(_ slice: ArraySlice<UInt8>) throws -> String {
        guard slice.contains(UInt8(ascii: "&")) else { return String(decoding: slice, as: UTF8.self) }
        let text = String(decoding: slice, as: UTF8.self)
        var output = ""
        var remainder = Substring(text)
        while let ampersand = remainder.firstIndex(of: "&") {
            output += remainder[..<ampersand]
            guard let semicolon = remainder[ampersand...].firstIndex(of: ";") else {
                throw failure("unterminated entity")
            }
            let entity = remainder[remainder.index(after: ampersand)..<semicolon]
            switch entity {
            case "lt": output += "<"
            case "gt": output += ">"
            case "amp": output += "&"
            case "quot": output += "\""
            case "apos": output += "'"
            default:
                let isHex = entity.hasPrefix("#x") || entity.hasPrefix("#X")
                let digits = entity.dropFirst(isHex ? 2 : 1)
                guard entity.hasPrefix("#"), let value = UInt32(digits, radix: isHex ? 16 : 10),
                    let scalar = Unicode.Scalar(value)
                else { throw failure("unknown entity &\(entity);") }
                output.unicodeScalars.append(scalar)
            }
            remainder = remainder[remainder.index(after: semicolon)...]
        }
        return output + remainder
    }
}
