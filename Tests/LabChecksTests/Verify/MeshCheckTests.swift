import AWSClient
import LabChecks
import MotoTestSupport
import Testing

/// The App Mesh checks against moto, which keeps meshes, virtual nodes, routers and routes (but no virtual services).
@Suite("Verify: App Mesh", .motoServer(signatureChecking: false))
struct MeshCheckTests {
    /// A node as the lab's `create_node` makes it: port 8080, found through Cloud Map, calling `backends` (moto
    /// insists on Cloud Map `attributes`, which AWS makes optional).
    static func nodeSpec(_ service: String, namespace: String, backends: [String]) -> JSONValue {
        var spec: [String: JSONValue] = [
            "listeners": [["portMapping": ["port": 8080, "protocol": "http"]]],
            "serviceDiscovery": [
                "awsCloudMap": [
                    "namespaceName": .string(namespace), "serviceName": .string(service),
                    "attributes": [["key": "ECS_TASK_DEFINITION_FAMILY", "value": .string(service)]],
                ]
            ],
        ]
        if !backends.isEmpty {
            spec["backends"] = .array(backends.map { ["virtualService": ["virtualServiceName": .string($0)]] })
        }
        return .object(spec)
    }

    @Test("appmesh.mesh passes for the learner's mesh and fails for a missing one")
    func mesh() async throws {
        let learner = try VerifyFixtures.makeLearner()
        let mesh = learner.prefix + "mesh"
        let check = VerifyFixtures.check("appmesh.mesh", ["mesh": .text(mesh)])
        let missing = await VerifyFixtures.run(check, as: learner)
        #expect(missing.status == .failed)
        #expect(missing.expected == "a mesh named \(mesh)")
        #expect(missing.observed == "there is no mesh named \(mesh)")
        _ = try await AppMeshClient(runtime: learner.runtime).create(.mesh, name: mesh, spec: AppMeshSpec.mesh())
        let found = await VerifyFixtures.run(check, as: learner)
        #expect(found.status == .passed, "\(found.observed ?? "")")
        #expect(found.facts["status"] == "ACTIVE")
    }

    @Test("appmesh.virtual-node compares its port, service discovery and backends")
    func virtualNode() async throws {
        let learner = try VerifyFixtures.makeLearner()
        let mesh = learner.prefix + "mesh"
        let namespace = learner.prefix + "local"
        let appMesh = AppMeshClient(runtime: learner.runtime)
        _ = try await appMesh.create(.mesh, name: mesh, spec: AppMeshSpec.mesh())
        let backends = ["inventory.\(namespace)", "user.\(namespace)"]
        var parameters: [String: PlannedResource.Value] = [
            "mesh": .text(mesh), "virtualNode": .text("order"), "port": .integer(8080), "serviceDiscovery": .text("order"),
            "backends": .list(backends),
        ]
        let missing = await VerifyFixtures.run(VerifyFixtures.check("appmesh.virtual-node", parameters), as: learner)
        #expect(missing.expected == "virtual node order in mesh \(mesh)")
        #expect(missing.observed == "there is no virtual node named order in mesh \(mesh)")

        _ = try await appMesh.create(
            .virtualNode(mesh: mesh), name: "order", spec: Self.nodeSpec("order", namespace: namespace, backends: [backends[0]]))
        let found = await VerifyFixtures.run(VerifyFixtures.check("appmesh.virtual-node", parameters), as: learner)
        #expect(found.status == .failed)
        #expect(found.expected == "backends inventory.\(namespace) and user.\(namespace)")
        #expect(
            found.observed
                == "virtual node order in mesh \(mesh) exists, but its backends are inventory.\(namespace): user.\(namespace) missing"
        )

        parameters["port"] = .integer(9090)
        parameters["serviceDiscovery"] = .text("orders")
        parameters["backends"] = .list([backends[0]])
        let differing = await VerifyFixtures.run(VerifyFixtures.check("appmesh.virtual-node", parameters), as: learner)
        #expect(differing.expected == "a listener on port 9090; discovered as orders")
        #expect(
            differing.observed
                == "virtual node order in mesh \(mesh) exists, but it listens on port 8080; "
                + "it is discovered as Cloud Map service order in namespace \(namespace)")

        parameters["port"] = .integer(8080)
        parameters["serviceDiscovery"] = .text("order")
        let matching = await VerifyFixtures.run(VerifyFixtures.check("appmesh.virtual-node", parameters), as: learner)
        #expect(matching.status == .passed, "\(matching.observed ?? "")")
        #expect(matching.facts["listeners.port"] == "8080")
    }

    @Test("appmesh.virtual-router and appmesh.route compare the listener port and the route's targets")
    func routerAndRoute() async throws {
        let learner = try VerifyFixtures.makeLearner()
        let mesh = learner.prefix + "mesh"
        let appMesh = AppMeshClient(runtime: learner.runtime)
        _ = try await appMesh.create(.mesh, name: mesh, spec: AppMeshSpec.mesh())
        let router = VerifyFixtures.check(
            "appmesh.virtual-router", ["mesh": .text(mesh), "virtualRouter": .text("inventory-router"), "port": .integer(8080)])
        let route = VerifyFixtures.check(
            "appmesh.route",
            [
                "mesh": .text(mesh), "virtualRouter": .text("inventory-router"), "route": .text("inventory-route"),
                "targets": .list(["inventory"]),
            ])
        #expect(
            await VerifyFixtures.run(router, as: learner).observed
                == "there is no virtual router named inventory-router in mesh \(mesh)")
        #expect(
            await VerifyFixtures.run(route, as: learner).observed
                == "there is no route named inventory-route in virtual router inventory-router of mesh \(mesh)")

        _ = try await appMesh.create(
            .virtualRouter(mesh: mesh), name: "inventory-router", spec: AppMeshSpec.virtualRouter(port: 9090))
        let wrongPort = await VerifyFixtures.run(router, as: learner)
        #expect(wrongPort.status == .failed)
        #expect(wrongPort.expected == "a listener on port 8080")
        #expect(wrongPort.observed == "virtual router inventory-router in mesh \(mesh) listens on port 9090")

        _ = try await appMesh.create(
            .route(mesh: mesh, virtualRouter: "inventory-router"), name: "inventory-route",
            spec: AppMeshSpec.httpRoute(prefix: "/", targets: [("inventory-v2", 100)]))
        let wrongTarget = await VerifyFixtures.run(route, as: learner)
        #expect(wrongTarget.status == .failed)
        #expect(wrongTarget.expected == "traffic sent to inventory")
        #expect(wrongTarget.observed == "route inventory-route on virtual router inventory-router sends traffic to inventory-v2")

        let learner2 = try VerifyFixtures.makeLearner()
        let mesh2 = learner2.prefix + "mesh"
        let appMesh2 = AppMeshClient(runtime: learner2.runtime)
        _ = try await appMesh2.create(.mesh, name: mesh2, spec: AppMeshSpec.mesh())
        _ = try await appMesh2.create(
            .virtualRouter(mesh: mesh2), name: "inventory-router", spec: AppMeshSpec.virtualRouter(port: 8080))
        _ = try await appMesh2.create(
            .route(mesh: mesh2, virtualRouter: "inventory-router"), name: "inventory-route",
            spec: AppMeshSpec.httpRoute(prefix: "/", targets: [("inventory", 100)]))
        let goodRouter = await VerifyFixtures.run(
            VerifyFixtures.check("appmesh.virtual-router", router.parameters.merging(["mesh": .text(mesh2)]) { $1 }), as: learner2
        )
        #expect(goodRouter.status == .passed, "\(goodRouter.observed ?? "")")
        let goodRoute = await VerifyFixtures.run(
            VerifyFixtures.check("appmesh.route", route.parameters.merging(["mesh": .text(mesh2)]) { $1 }), as: learner2)
        #expect(goodRoute.status == .passed, "\(goodRoute.observed ?? "")")
        #expect(goodRoute.facts["weightedTargets"] == "inventory")
    }
}
