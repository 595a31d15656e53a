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
    /// The line where the mapping starts, or of the key that owns it.
    let line: Int

    /// How problems with keys are worded; check parameters are "parameters", not "keys".
    struct Wording {
        var missing: (String) -> String
        var unknown: (String) -> String

        /// Keys of a mapping described by `context`, such as "the front matter" or "an exercise".
        static func keys(of context: String) -> Wording {
            Wording(
                missing: { "\(context) is missing the required key '\($0)'" },
                unknown: { "unknown key '\($0)' in \(context)" })
        }
    }

    subscript(key: String) -> Entry? {
        entries.first { $0.key == key }
    }

    /// Checks that `node` is a mapping with only `allowedKeys`, each at most once, and all `requiredKeys`.
    ///
    /// Problems are reported and the usable entries returned anyway, so one run finds every mistake. Returns nil
    /// only when the node is not a mapping at all. Missing keys are reported at `ownerLine` (the key that holds
    /// the mapping, or the start of the document); an empty value counts as an empty mapping.
    static func make(
        _ node: Node?, file: SourceFile, log: inout DiagnosticLog, context: String, allowedKeys: [String],
        requiredKeys: [String], ownerLine: Int, wording: Wording? = nil
    ) -> YAMLMapping? {
        let wording = wording ?? .keys(of: context)
        let node = node?.isNull == true ? nil : node
        let pairs: [(key: Node, value: Node)]
        let line: Int
        switch node {
        case nil:
            pairs = []
            line = ownerLine
        case .mapping(let mapping)?:
            pairs = Array(mapping)
            line = node?.line ?? ownerLine
        case let other?:
            log.report(file, line: other.line, "\(context) must be a mapping of keys to values, not \(other.valueDescription)")
            return nil
        }
        var entries: [Entry] = []
        var suggestedKeys: Set<String> = []
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
                log.report(file, line: pair.key.line, key.withSuggestion(from: allowedKeys, wording.unknown(key)))
                if let suggestion = key.closestMatch(in: allowedKeys) { suggestedKeys.insert(suggestion) }
                continue
            }
            entries.append(Entry(key: key, keyLine: pair.key.line, value: pair.value))
        }
        // A key reported as a likely typo ("did you mean 'title'?") is not reported as missing as well.
        for key in requiredKeys where !entries.contains(where: { $0.key == key }) && !suggestedKeys.contains(key) {
            if pairs.contains(where: { $0.key.scalar?.string == key }) { continue }
            log.report(file, line: ownerLine, wording.missing(key))
        }
        return YAMLMapping(entries: entries, line: line)
    }
}
