import Hummingbird

/// Refuses JSON nested too deep or holding too many values, in one pass over the bytes, before any decoder runs.
///
/// Foundation's `JSONDecoder` spends time that grows with the square of the nesting (an 8 KB body of nested
/// arrays took 11 s to be refused), so a body is measured first: deeper than any document the API takes, or
/// with more values than a config has, and it gets a 400 at once.
struct JSONShapeLimit: Sendable {
    /// Objects and arrays inside each other, the outermost one included.
    var maximumDepth = 10
    /// Values of any kind, counted by their separators and containers.
    var maximumValues = 5_000

    /// Throws a 400 naming the limit the body passes; strings are skipped, escapes included.
    func check(_ bytes: some Sequence<UInt8>) throws(HTTPError) {
        var depth = 0
        var values = 1
        var isInString = false
        var isEscaped = false
        for byte in bytes {
            if isInString {
                if isEscaped {
                    isEscaped = false
                } else if byte == UInt8(ascii: "\\") {
                    isEscaped = true
                } else if byte == UInt8(ascii: "\"") {
                    isInString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): isInString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                values += 1
                if depth > maximumDepth {
                    throw HTTPError(
                        .badRequest, message: "the request body nests JSON deeper than \(maximumDepth) levels")
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            case UInt8(ascii: ","):
                values += 1
                if values > maximumValues {
                    throw HTTPError(.badRequest, message: "the request body holds more than \(maximumValues) JSON values")
                }
            default: continue
            }
        }
    }
}
