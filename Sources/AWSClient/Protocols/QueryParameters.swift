public import Foundation

/// The form body of a query-protocol call (`Action=…&Version=…`), with the protocol's shapes for lists
/// (`X.member.N`, 1-based) and maps (`X.entry.N.key` / `.value`).
public struct QueryParameters: Sendable {
    public private(set) var items: [(name: String, value: String)]

    public init(action: String, version: String) {
        items = [("Action", action), ("Version", version)]
    }

    /// Adds a scalar; `nil` adds nothing, so optional inputs can be passed straight through.
    public mutating func add(_ name: String, _ value: String?) {
        if let value { items.append((name, value)) }
    }

    public mutating func add(_ name: String, _ value: Int?) {
        add(name, value.map(String.init))
    }

    public mutating func add(_ name: String, _ value: Double?) {
        add(name, value.map { $0 == $0.rounded() && abs($0) < 1e15 ? String(Int($0)) : String($0) })
    }

    public mutating func add(_ name: String, _ value: Bool?) {
        add(name, value.map { $0 ? "true" : "false" })
    }

    /// `name.member.1=a&name.member.2=b`.
    public mutating func addList(_ name: String, _ values: [String]) {
        for (offset, value) in values.enumerated() { items.append(("\(name).member.\(offset + 1)", value)) }
    }

    /// A list of structures: `build` receives the prefix `name.member.N` for each element.
    public mutating func addList<Element>(
        _ name: String, _ values: [Element], build: (inout QueryParameters, String, Element) -> Void
    ) {
        for (offset, value) in values.enumerated() { build(&self, "\(name).member.\(offset + 1)", value) }
    }

    /// `name.entry.N.<keyName>` / `.<valueName>`, in key order so that bodies are deterministic.
    public mutating func addMap(
        _ name: String, _ entries: [String: String], keyName: String = "key", valueName: String = "value"
    ) {
        for (offset, key) in entries.keys.sorted().enumerated() {
            items.append(("\(name).entry.\(offset + 1).\(keyName)", key))
            items.append(("\(name).entry.\(offset + 1).\(valueName)", entries[key] ?? ""))
        }
    }

    /// `application/x-www-form-urlencoded` body with the SigV4 percent-encoding.
    public var formBody: Data {
        Data(items.map { URIEncoding.encode($0.name) + "=" + URIEncoding.encode($0.value) }.joined(separator: "&").utf8)
    }
}
