import Foundation

/// What the proxy needs to know about a learner's AWS call: whose it is, where it goes, and whether it writes.
struct SandboxCall: Sendable {
    let accessKeyID: String?
    let region: String
    let service: String
    /// `CreateQueue`, `Publish`…, when the protocol names it; nil for REST calls (App Mesh, Lambda, X-Ray).
    let action: String?
    let method: String

    /// Reads the credential scope from `Authorization` or a presigned URL's `X-Amz-Credential`.
    init(method: String, target: String, headers: [(name: String, value: String)], body: Data) {
        self.method = method
        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name }?.value
        }
        let query = target.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
        let queryItems = Self.formItems(query)
        var scope: [Substring] = []
        if let authorization = header("authorization"),
            let credential = authorization.range(of: "Credential=")
        {
            let rest = authorization[credential.upperBound...]
            scope = (rest.split(separator: ",").first ?? "").split(separator: "/")
        } else if let credential = queryItems["X-Amz-Credential"] {
            scope = credential.split(separator: "/")
        }
        accessKeyID = scope.first.map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        region = scope.count > 2 ? String(scope[2]) : "us-east-1"
        service = scope.count > 3 ? String(scope[3]) : ""
        if let target = header("x-amz-target") {
            action = target.split(separator: ".").last.map(String.init)
        } else if let name = queryItems["Action"] {
            action = name
        } else if header("content-type")?.hasPrefix("application/x-www-form-urlencoded") == true {
            action = Self.formItems(String(decoding: body, as: UTF8.self))["Action"]
        } else {
            action = nil
        }
    }

    /// Reads never change state, so the recording skips them; everything else is replayed after a restart.
    var isWrite: Bool {
        guard let action else { return method != "GET" && method != "HEAD" }
        let readPrefixes = ["Describe", "List", "Get", "Query", "Scan", "BatchGet", "Discover", "Search"]
        return !readPrefixes.contains { action.hasPrefix($0) }
    }

    private static func formItems(_ text: String) -> [String: String] {
        var items: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard let name = parts.first else { continue }
            let value = parts.count > 1 ? String(parts[1]) : ""
            items[String(name)] = value.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? value
        }
        return items
    }
}
