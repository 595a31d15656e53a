/// Thrown when a check lacks a parameter its specification requires: the lab is wrong, not the learner, so the
/// runner turns it into `error` (`labguide check` should have refused the lab).
struct MissingCheckParameter: Error, Sendable, CustomStringConvertible {
    let check: String
    let parameter: String

    var description: String { "the lab's '\(check)' check has no '\(parameter)' parameter" }
}

extension RenderedCheck {
    /// A required text parameter.
    func requiredText(_ key: String) throws -> String {
        guard let value = text(key), !value.isEmpty else { throw MissingCheckParameter(check: name, parameter: key) }
        return value
    }

    func requiredInteger(_ key: String) throws -> Int {
        guard let value = integer(key) else { throw MissingCheckParameter(check: name, parameter: key) }
        return value
    }

    func requiredList(_ key: String) throws -> [String] {
        guard let value = list(key), !value.isEmpty else { throw MissingCheckParameter(check: name, parameter: key) }
        return value
    }
}

/// How messages list names: "a", "a and b", "a, b and c".
func listed(_ items: [String], conjunction: String = "and") -> String {
    switch items.count {
    case 0: return "none"
    case 1: return items[0]
    default: return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items[items.count - 1]
    }
}

/// "1 trace", "3 traces".
func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
