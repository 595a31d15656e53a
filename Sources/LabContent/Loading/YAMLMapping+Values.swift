import Yams

extension YAMLMapping.Entry {
    /// The value as non-empty text; numbers and booleans count as the text they were written as.
    func text(file: SourceFile, log: inout DiagnosticLog) -> String? {
        guard case .scalar(let scalar) = value, !value.isNull else {
            log.report(file, line: valueLine, "'\(key)' must be text, not \(value.valueDescription)")
            return nil
        }
        guard !scalar.string.allSatisfy(\.isWhitespace) else {
            log.report(file, line: valueLine, "'\(key)' must not be empty")
            return nil
        }
        return scalar.string
    }

    /// The value as an integer greater than zero (minutes, counts).
    func positiveInteger(file: SourceFile, log: inout DiagnosticLog) -> Int? {
        guard case .scalar(let scalar) = value, scalar.tagName == .int, let number = Int(scalar.string), number > 0
        else {
            log.report(file, line: valueLine, "'\(key)' must be a positive integer, not \(value.valueDescription)")
            return nil
        }
        return number
    }

    /// The value as an id: lowercase letters, digits and `-`, because ids appear in URLs and AWS names.
    func identifier(file: SourceFile, log: inout DiagnosticLog) -> String? {
        guard let text = text(file: file, log: &log) else { return nil }
        guard text.isValidIdentifier else {
            log.report(file, line: valueLine, "invalid id '\(text)': use only lowercase letters, digits and '-'")
            return nil
        }
        return text
    }

    /// The value as a list, reporting anything else.
    func sequence(file: SourceFile, log: inout DiagnosticLog) -> [Node]? {
        guard case .sequence(let sequence) = value else {
            log.report(file, line: valueLine, "'\(key)' must be a list, not \(value.valueDescription)")
            return nil
        }
        return Array(sequence)
    }
}

extension String {
    /// True for a URL-safe slug: lowercase ASCII letters, digits and `-`.
    var isValidIdentifier: Bool {
        !isEmpty
            && unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// True for a variable name: an ASCII letter, then letters and digits (`orderTopicArn`).
    var isValidVariableName: Bool {
        guard let first = unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        return unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
    }
}
