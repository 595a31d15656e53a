import Yams

extension LabManifest {
    /// The `prices:` mapping: known keys only, each a number of US dollars, zero or more.
    static func prices(_ entry: YAMLMapping.Entry, file: SourceFile, log: inout DiagnosticLog) -> LabPrices {
        guard
            let mapping = YAMLMapping.make(
                entry.value, file: file, log: &log, context: "prices", allowedKeys: LabPrices.keys, requiredKeys: [],
                ownerLine: entry.keyLine)
        else { return .none }
        var prices = LabPrices.none
        for price in mapping.entries {
            guard case .scalar(let scalar) = price.value, scalar.tagName == .int || scalar.tagName == .float,
                let value = Double(scalar.string), value >= 0, value.isFinite
            else {
                log.report(
                    file, line: price.valueLine,
                    "price '\(price.key)' must be a number of dollars, zero or more, not \(price.value.valueDescription)")
                continue
            }
            prices.set(price.key, value)
        }
        return prices
    }
}
