/// A parsed XML element: enough of XML for AWS query-protocol replies (elements, attributes, text, entities, CDATA).
/// Named `AWSXMLElement` to stay clear of FoundationXML's `XMLElement`.
public struct AWSXMLElement: Sendable, Equatable {
    public var name: String
    public var attributes: [String: String]
    public var children: [AWSXMLElement]
    /// The element's own text (not its children's), entities decoded.
    public var text: String

    public init(name: String, attributes: [String: String] = [:], children: [AWSXMLElement] = [], text: String = "") {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    /// The first child with that local name (namespace prefixes ignored).
    public func child(_ name: String) -> AWSXMLElement? {
        children.first { $0.localName == name }
    }

    public func children(named name: String) -> [AWSXMLElement] {
        children.filter { $0.localName == name }
    }

    /// Walks a `/`-separated path of child names.
    public func element(at path: String) -> AWSXMLElement? {
        var current: AWSXMLElement? = self
        for part in path.split(separator: "/") {
            current = current?.child(String(part))
        }
        return current
    }

    /// The trimmed text of the element at `path`, or `nil` when it is absent.
    public func string(at path: String) -> String? {
        element(at: path).map { $0.text.trimmingWhitespace }
    }

    /// The texts of `member` children under `path` (the query protocol's list shape).
    public func members(at path: String) -> [AWSXMLElement] {
        element(at: path)?.children(named: "member") ?? []
    }

    /// The `item` children under `path`: EC2's list shape, which differs from the rest of the query protocol.
    public func items(at path: String) -> [AWSXMLElement] {
        element(at: path)?.children(named: "item") ?? []
    }

    /// Depth-first search for the first element with that local name.
    public func firstDescendant(named name: String) -> AWSXMLElement? {
        if localName == name { return self }
        for child in children {
            if let found = child.firstDescendant(named: name) { return found }
        }
        return nil
    }

    public var localName: Substring {
        if let colon = name.lastIndex(of: ":") { return name[name.index(after: colon)...] }
        return name[...]
    }
}

extension String {
    var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
