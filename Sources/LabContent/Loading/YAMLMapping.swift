import Yams

/// A YAML mapping checked for duplicate, unknown and missing keys, with each key's line kept.
struct YAMLMapping {
    struct Entry {
        let key: String
        let keyLine: Int
        let value: Node

        var valueLine: Int { value.isNull ? keyLine : value.line }
    }

    let entries: [Entry]
    /// The line where the mapping starts, for problems with the mapping as a whole (a missing key).
    let line: Int

    subscript(key: String) -> Entry? {
        entries.first { $0.key == key }
    }

    /// Checks that `node` is a mapping with only `allowedKeys`, each at most once, and all `requiredKeys`.
    ///
    /// Problems are reported and the usable entries returned anyway, so one run finds every mistake. Returns nil
    /// only when the node is not a mapping at all. An empty document counts as an empty mapping at `emptyLine`.
    static func make(
        _ node: Node?, file: SourceFile, log: inout DiagnosticLog, context: String, allowedKeys: [String],
        requiredKeys: [String], emptyLine: Int
    ) -> YAMLMapping? {
        let pairs: [(key: Node, value: Node)]
        let line: Int
        switch node {
        case nil:
            pairs = []
            line = emptyLine
        case .mapping(let mapping)?:
            pairs = Array(mapping)
            line = node?.line ?? emptyLine
        case let other?:
            log.report(file, line: other.line, "\(context) must be a mapping of keys to values, not \(other.kindDescription)")
            return nil
        }
        var entries: [Entry] = []
        for pair in pairs {
            guard case .scalar(let scalar) = pair.key else {
                log.report(file, line: pair.key.line, "keys in \(context) must be text")
                continue
            }
            let key = scalar.string
            if entries.contains(where: { $0.key == key }) {
                log.report(file, line: pair.key.line, "duplicate key '\(key)'")
                continue
            }
            guard allowedKeys.contains(key) else {
                log.report(
                    file, line: pair.key.line,
                    key.withSuggestion(from: allowedKeys, "unknown key '\(key)' in \(context)"))
                continue
            }
            entries.append(Entry(key: key, keyLine: pair.key.line, value: pair.value))
        }
        for key in requiredKeys where !entries.contains(where: { $0.key == key }) {
            if pairs.contains(where: { $0.key.scalar?.string == key }) { continue }
            log.report(file, line: line, "\(context) is missing the required key '\(key)'")
        }
        return YAMLMapping(entries: entries, line: line)
    }
}
