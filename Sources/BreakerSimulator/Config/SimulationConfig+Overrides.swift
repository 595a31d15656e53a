import Foundation

extension SimulationConfig {
    /// Returns a copy with each dotted key set (`breaker.failureRateThreshold` → 60,
    /// `fault.outages.0.startSeconds` → 25, or a whole list `fault.outages` → `[…]`).
    ///
    /// Keys are applied in sorted order so the result never depends on dictionary order. An unknown key, an index
    /// past the end of a list or a value of the wrong kind throws an error naming the key. Overrides may also be
    /// nested in the config's own shape (`{"breaker": {"enabled": false}}`), as the API returns the config: each
    /// leaf counts as its dotted key, so both forms give the same run.
    public func applying(_ nestedOverrides: [String: ConfigValue]) throws(SimulationConfigError) -> SimulationConfig {
        let overrides = try Self.flatten(nestedOverrides)
        guard !overrides.isEmpty else { return self }
        let base = makeConfigValue()
        var tree = base
        for key in overrides.keys.sorted() {
            guard let value = overrides[key] else { continue }
            try Self.set(value, at: Self.path(key), in: &tree, key: key)
        }
        if let config = Self.decode(tree) { return config }
        // Find the override the config cannot hold (a fraction for a whole number, a malformed fault window).
        for key in overrides.keys.sorted() {
            guard let value = overrides[key] else { continue }
            var single = base
            try Self.set(value, at: Self.path(key), in: &single, key: key)
            if Self.decode(single) == nil {
                let expectation = if case .number = value { "a whole number" } else { "shaped like the preset's value" }
                throw SimulationConfigError(field: key, message: "\(key) must be \(expectation) (got \(value))")
            }
        }
        throw SimulationConfigError(field: "overrides", message: "overrides do not fit the config together")
    }

    /// Dotted keys for every leaf of nested objects; lists (fault windows) stay whole, as one value.
    static func flatten(_ overrides: [String: ConfigValue]) throws(SimulationConfigError) -> [String: ConfigValue] {
        var flat: [String: ConfigValue] = [:]
        func add(_ value: ConfigValue, at key: String) throws(SimulationConfigError) {
            if case .object(let fields) = value {
                for (name, child) in fields { try add(child, at: "\(key).\(name)") }
            } else if flat.updateValue(value, forKey: key) != nil {
                throw SimulationConfigError(field: key, message: "\(key) is given twice (dotted and nested)")
            }
        }
        for (key, value) in overrides { try add(value, at: key) }
        return flat
    }

    private static func path(_ key: String) -> ArraySlice<String> {
        key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)[...]
    }

    /// The config as a JSON tree, as the API shows it.
    public func makeConfigValue() -> ConfigValue {
        do {
            return try JSONDecoder().decode(ConfigValue.self, from: JSONEncoder().encode(self))
        } catch {
            preconditionFailure("SimulationConfig always encodes to JSON: \(error)")
        }
    }

    /// Every dotted key of the config, for error messages and the CLI's help.
    public static var knownKeys: [String] {
        SimulationConfig().makeConfigValue().leafKeys(prefix: "")
    }

    private static func set(
        _ value: ConfigValue, at path: ArraySlice<String>, in node: inout ConfigValue, key: String
    ) throws(SimulationConfigError) {
        guard let segment = path.first else {
            try checkKind(of: value, replacing: node, key: key)
            node = value
            return
        }
        switch node {
        case .object(var fields):
            guard var child = fields[segment] else { throw unknownKey(key, known: node) }
            try set(value, at: path.dropFirst(), in: &child, key: key)
            fields[segment] = child
            node = .object(fields)
        case .array(var items):
            guard let index = Int(segment), items.indices.contains(index) else {
                let parent = key.components(separatedBy: ".").prefix(path.startIndex).joined(separator: ".")
                throw SimulationConfigError(
                    field: key,
                    message: "\(key) does not exist: \(parent) has \(items.count) entries"
                        + (items.isEmpty ? "; set the whole list instead" : " (indexes 0 to \(items.count - 1))"))
            }
            try set(value, at: path.dropFirst(), in: &items[index], key: key)
            node = .array(items)
        default:
            throw unknownKey(key, known: nil)
        }
    }

    private static func checkKind(of value: ConfigValue, replacing old: ConfigValue, key: String) throws(SimulationConfigError) {
        switch (old, value) {
        case (.bool, .bool), (.number, .number), (.string, .string), (.array, .array): return
        default:
            let got = value == .null ? "null" : "\(value.kindName) \(value)"
            throw SimulationConfigError(field: key, message: "\(key) must be \(old.kindName) (got \(got))")
        }
    }

    private static func unknownKey(_ key: String, known node: ConfigValue?) -> SimulationConfigError {
        let section = key.split(separator: ".").first.map(String.init) ?? key
        let candidates = knownKeys.filter { $0.hasPrefix(section + ".") }
        let hint =
            candidates.isEmpty
            ? "sections are load, inventory, fault, timeout, retry, bulkhead, breaker"
            : "known keys are " + candidates.joined(separator: ", ")
        return SimulationConfigError(field: key, message: "unknown config key \(key): \(hint)")
    }

    private static func decode(_ tree: ConfigValue) -> SimulationConfig? {
        guard let data = try? JSONEncoder().encode(tree) else { return nil }
        return try? JSONDecoder().decode(SimulationConfig.self, from: data)
    }
}

extension ConfigValue {
    func leafKeys(prefix: String) -> [String] {
        switch self {
        case .object(let fields):
            fields.keys.sorted().flatMap { fields[$0, default: .null].leafKeys(prefix: prefix.isEmpty ? $0 : "\(prefix).\($0)") }
        default:
            [prefix]
        }
    }
}
