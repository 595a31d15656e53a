import Foundation

/// AWS App Mesh over restJson1 (`/v20190125/meshes…`). App Mesh reached end of support on 2026-09-30; the client
/// keeps it for the sandbox, where moto has meshes, nodes, routers and routes but no virtual services.
public struct AppMeshClient: Sendable {
    public let runtime: AWSRuntime
    static let service = ServiceDescriptor.appMesh
    static let basePath = "/v20190125/meshes"

    public init(runtime: AWSRuntime) {
        self.runtime = runtime
    }

    /// The resource kinds, each with its collection path, name key and list key.
    public enum Kind: Sendable {
        case mesh
        case virtualNode(mesh: String)
        case virtualRouter(mesh: String)
        case route(mesh: String, virtualRouter: String)
        case virtualService(mesh: String)

        var collectionPath: String {
            let base = AppMeshClient.basePath
            switch self {
            case .mesh: return base
            case .virtualNode(let mesh): return "\(base)/\(URIEncoding.encode(mesh))/virtualNodes"
            case .virtualRouter(let mesh): return "\(base)/\(URIEncoding.encode(mesh))/virtualRouters"
            case .virtualService(let mesh): return "\(base)/\(URIEncoding.encode(mesh))/virtualServices"
            case .route(let mesh, let router):
                return "\(base)/\(URIEncoding.encode(mesh))/virtualRouter/\(URIEncoding.encode(router))/routes"
            }
        }

        var nameKey: String {
            switch self {
            case .mesh: "meshName"
            case .virtualNode: "virtualNodeName"
            case .virtualRouter: "virtualRouterName"
            case .route: "routeName"
            case .virtualService: "virtualServiceName"
            }
        }

        var listKey: String {
            switch self {
            case .mesh: "meshes"
            case .virtualNode: "virtualNodes"
            case .virtualRouter: "virtualRouters"
            case .route: "routes"
            case .virtualService: "virtualServices"
            }
        }

        /// `Mesh`, `VirtualNode`…, for operation names (`CreateVirtualNode`).
        var operationNoun: String {
            let key = nameKey.dropLast(4)
            return key.prefix(1).uppercased() + key.dropFirst()
        }
    }

    /// Creates a resource of `kind` named `name` with `spec`.
    public func create(_ kind: Kind, name: String, spec: JSONValue) async throws -> AppMeshResource {
        let body: JSONValue = .object([kind.nameKey: .string(name), "spec": spec, "clientToken": .string(UUID().uuidString)])
        return try await runtime.callREST(
            Self.service, "Create\(kind.operationNoun)", method: "PUT", path: kind.collectionPath, input: body,
            as: AppMeshResource.self)
    }

    public func describe(_ kind: Kind, name: String) async throws -> AppMeshResource {
        try await runtime.callREST(
            Self.service, "Describe\(kind.operationNoun)", method: "GET",
            path: "\(kind.collectionPath)/\(URIEncoding.encode(name))", as: AppMeshResource.self)
    }

    public func delete(_ kind: Kind, name: String) async throws {
        _ = try await runtime.send(
            AWSOperationRequest(
                operation: "Delete\(kind.operationNoun)", method: "DELETE",
                path: "\(kind.collectionPath)/\(URIEncoding.encode(name))"),
            to: Self.service)
    }

    /// Resources of a kind, page by page (`limit`, `nextToken` query parameters).
    public func list(_ kind: Kind, pageSize: Int? = nil) -> PaginatedSequence<AppMeshResource> {
        let runtime = self.runtime
        return PaginatedSequence { token in
            var query: [(name: String, value: String)] = []
            if let pageSize { query.append(("limit", String(pageSize))) }
            if let token { query.append(("nextToken", token)) }
            let output = try await runtime.callREST(
                Self.service, "List\(kind.operationNoun)s", method: "GET", path: kind.collectionPath, queryItems: query,
                as: JSONValue.self)
            let items: [AppMeshResource]
            if case .array(let values)? = output[kind.listKey] {
                items = try values.map { try JSONCoding.decode(AppMeshResource.self, from: JSONCoding.encode($0)) }
            } else {
                items = []
            }
            return (items, output["nextToken"]?.stringValue)
        }
    }
}
