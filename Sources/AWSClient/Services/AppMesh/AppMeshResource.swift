/// Any App Mesh resource as returned by create, describe, delete and list calls: its name (under the kind's own key,
/// such as `virtualNodeName`), the mesh, ARN, status and spec.
public struct AppMeshResource: Decodable, Sendable {
    public let meshName: String
    public let name: String
    public let arn: String?
    /// `ACTIVE`, `INACTIVE` or `DELETED`.
    public let status: String?
    public let spec: JSONValue?
    /// For routes: their virtual router.
    public let virtualRouterName: String?

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        meshName = try container.decode(String.self, forKey: AnyKey(stringValue: "meshName"))
        var resolvedName = meshName
        for key in ["routeName", "virtualNodeName", "virtualServiceName", "virtualRouterName", "virtualGatewayName"] {
            if let value = try container.decodeIfPresent(String.self, forKey: AnyKey(stringValue: key)) {
                resolvedName = value
                break
            }
        }
        name = resolvedName
        virtualRouterName = try container.decodeIfPresent(String.self, forKey: AnyKey(stringValue: "virtualRouterName"))
        spec = try container.decodeIfPresent(JSONValue.self, forKey: AnyKey(stringValue: "spec"))
        let metadata = try container.decodeIfPresent(JSONValue.self, forKey: AnyKey(stringValue: "metadata"))
        let statusValue = try container.decodeIfPresent(JSONValue.self, forKey: AnyKey(stringValue: "status"))
        let listARN = try container.decodeIfPresent(String.self, forKey: AnyKey(stringValue: "arn"))
        arn = metadata?["arn"]?.stringValue ?? listARN
        status = statusValue?["status"]?.stringValue
    }
}

/// Builders for the spec shapes the lab uses.
public enum AppMeshSpec {
    /// A virtual node listening on `port` over HTTP, found through DNS at `hostname`, calling `backends`
    /// (virtual service names).
    public static func virtualNode(port: Int, hostname: String, backends: [String] = []) -> JSONValue {
        var spec: [String: JSONValue] = [
            "listeners": [["portMapping": ["port": .number(Double(port)), "protocol": "http"]]],
            "serviceDiscovery": ["dns": ["hostname": .string(hostname)]],
        ]
        if !backends.isEmpty {
            spec["backends"] = .array(backends.map { ["virtualService": ["virtualServiceName": .string($0)]] })
        }
        return .object(spec)
    }

    public static func virtualRouter(port: Int) -> JSONValue {
        ["listeners": [["portMapping": ["port": .number(Double(port)), "protocol": "http"]]]]
    }

    /// An HTTP route matching `prefix`, split across virtual nodes by weight.
    public static func httpRoute(prefix: String, targets: [(virtualNode: String, weight: Int)]) -> JSONValue {
        let weighted: [JSONValue] = targets.map {
            ["virtualNode": .string($0.virtualNode), "weight": .number(Double($0.weight))]
        }
        return ["httpRoute": ["match": ["prefix": .string(prefix)], "action": ["weightedTargets": .array(weighted)]]]
    }

    /// A virtual service provided by a virtual router.
    public static func virtualService(routerName: String) -> JSONValue {
        ["provider": ["virtualRouter": ["virtualRouterName": .string(routerName)]]]
    }

    /// Mesh spec allowing egress to anywhere (or only to the mesh).
    public static func mesh(allowsAllEgress: Bool = false) -> JSONValue {
        ["egressFilter": ["type": .string(allowsAllEgress ? "ALLOW_ALL" : "DROP_ALL")]]
    }
}
