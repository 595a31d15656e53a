extension StringProtocol {
    /// The text safe to place in HTML element content or a double- or single-quoted attribute value.
    ///
    /// Checked byte by byte first because most values (prefixes, regions, ids) need no escaping at all. Inlinable
    /// so callers get a version specialised for their string type: the generic one walks bytes through witnesses.
    @inlinable
    public var escapedForHTML: String {
        guard
            utf8.contains(where: {
                $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"")
                    || $0 == UInt8(ascii: "'")
            })
        else {
            return String(self)
        }
        var result = ""
        result.reserveCapacity(utf8.count + 16)
        for character in self {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
