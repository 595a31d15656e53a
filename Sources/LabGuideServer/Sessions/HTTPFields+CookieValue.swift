import Hummingbird

extension HTTPFields {
    /// The value of one cookie, found by scanning the `Cookie` fields' bytes.
    ///
    /// Every page reads two cookies; Hummingbird's `cookies` parses every pair into a dictionary of `Cookie` values
    /// on each call, which showed up in the page profile. The first pair with the name wins.
    func cookieValue(named name: String) -> String? {
        let wanted = Array(name.utf8)
        for field in self[values: .cookie] {
            if let value = Self.value(of: wanted, in: field) { return value }
        }
        return nil
    }

    private static func value(of name: [UInt8], in field: String) -> String? {
        var field = field
        return field.withUTF8 { bytes -> String? in
            var pairStart = 0
            while pairStart < bytes.count {
                var start = pairStart
                while start < bytes.count, bytes[start] == UInt8(ascii: " ") { start += 1 }
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: ";") { end += 1 }
                let nameEnd = start + name.count
                if nameEnd < end, bytes[nameEnd] == UInt8(ascii: "="), bytes[start..<nameEnd].elementsEqual(name) {
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[(nameEnd + 1)..<end]), as: UTF8.self)
                }
                pairStart = end + 1
            }
            return nil
        }
    }
}
