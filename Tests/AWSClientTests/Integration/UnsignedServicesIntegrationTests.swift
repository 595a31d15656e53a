import AWSClient
import Foundation
import MotoTestSupport
import Testing

/// The calls moto 5.2 cannot check signatures for (App Mesh; Lambda GET/DELETE, which fail signature checks even
/// with boto3), plus X-Ray and the tagging API, against a moto without signature checking.
@Suite("Services against moto (no signature checking)", .serialized, .motoServer(signatureChecking: false))
struct UnsignedServicesIntegrationTests {
    func makeRuntime() async throws -> AWSRuntime {
        try await SandboxAccount.makeSignedRuntime(server: MotoServer.require())
    }

    @Test("App Mesh meshes, virtual nodes, routers and routes; virtual services are missing from moto")
    func appMesh() async throws {
        let mesh = AppMeshClient(runtime: try await makeRuntime())
        let created = try await mesh.create(.mesh, name: "lg-mesh", spec: AppMeshSpec.mesh())
        #expect(created.name == "lg-mesh")
        #expect(created.arn?.hasPrefix("arn:aws:appmesh:us-east-1:123456789012:") == true)
        #expect(try await mesh.describe(.mesh, name: "lg-mesh").status == "ACTIVE")
        #expect(try await mesh.list(.mesh, pageSize: 1).collect().map(\.name) == ["lg-mesh"])

        let node = AppMeshClient.Kind.virtualNode(mesh: "lg-mesh")
        _ = try await mesh.create(
            node, name: "orders-v1", spec: AppMeshSpec.virtualNode(port: 8080, hostname: "orders.lg.local"))
        let describedNode = try await mesh.describe(node, name: "orders-v1")
        #expect(describedNode.spec?["serviceDiscovery"]?["dns"]?["hostname"]?.stringValue == "orders.lg.local")
        #expect(try await mesh.list(node).collect().map(\.name) == ["orders-v1"])

        let router = AppMeshClient.Kind.virtualRouter(mesh: "lg-mesh")
        _ = try await mesh.create(router, name: "orders-router", spec: AppMeshSpec.virtualRouter(port: 8080))
        #expect(try await mesh.describe(router, name: "orders-router").name == "orders-router")
        #expect(try await mesh.list(router).collect().map(\.name) == ["orders-router"])

        let route = AppMeshClient.Kind.route(mesh: "lg-mesh", virtualRouter: "orders-router")
        _ = try await mesh.create(
            route, name: "orders-route", spec: AppMeshSpec.httpRoute(prefix: "/", targets: [("orders-v1", 100)]))
        let describedRoute = try await mesh.describe(route, name: "orders-route")
        #expect(describedRoute.virtualRouterName == "orders-router")
        #expect(try await mesh.list(route).collect().map(\.name) == ["orders-route"])

        // moto has no virtual services (AWS.md): the call must fail as a typed error, not crash or pass.
        let service = AppMeshClient.Kind.virtualService(mesh: "lg-mesh")
        let unsupported = try await #require(throws: AWSError.self) {
            try await mesh.create(service, name: "orders.lg.local", spec: AppMeshSpec.virtualService(routerName: "orders-router"))
        }
        #expect(unsupported.service == "App Mesh")
        await #expect(throws: AWSError.self) { try await mesh.list(service).collect() }
        await #expect(throws: AWSError.self) { try await mesh.describe(service, name: "orders.lg.local") }
        await #expect(throws: AWSError.self) { try await mesh.delete(service, name: "orders.lg.local") }

        try await mesh.delete(route, name: "orders-route")
        try await mesh.delete(router, name: "orders-router")
        try await mesh.delete(node, name: "orders-v1")
        try await mesh.delete(.mesh, name: "lg-mesh")
        let error = try await #require(throws: AWSError.self) { try await mesh.describe(.mesh, name: "lg-mesh") }
        // Real App Mesh answers NotFoundException/404; moto answers MeshNotFound/400.
        #expect(error.code == "NotFoundException" || error.code == "MeshNotFound")
        #expect(error.kind == .service)
    }

    @Test("Lambda GetFunction, ListFunctions, DeleteFunction and a not-found error")
    func lambda() async throws {
        let runtime = try await makeRuntime()
        let role = try await IAMClient(runtime: runtime).createRole(
            name: "lg-lambda-role", assumeRolePolicyDocument: LambdaFixture.trustPolicy)
        let lambda = LambdaClient(runtime: runtime)
        let function = try await lambda.createFunction(
            .init(name: "lg-order-handler", roleARN: role.arn, zipFile: ZipFixture.handler))
        #expect(try await lambda.getFunction(name: "lg-order-handler").FunctionArn == function.FunctionArn)
        #expect(try await lambda.listFunctions(pageSize: 1).collect().map(\.FunctionName) == ["lg-order-handler"])
        try await lambda.deleteFunction(name: "lg-order-handler")
        let error = try await #require(throws: AWSError.self) { try await lambda.getFunction(name: "lg-order-handler") }
        #expect(error.code == "ResourceNotFoundException")
        #expect(error.statusCode == 404)
    }

    @Test("X-Ray GetTraceSummaries sees a segment that was put")
    func xRay() async throws {
        let xRay = XRayClient(runtime: try await makeRuntime())
        let now = Date()
        let traceID = "1-\(String(Int(now.timeIntervalSince1970), radix: 16))-0123456789abcdef01234567"
        let segment = """
            {"name":"orders","id":"0123456789abcdef","trace_id":"\(traceID)","start_time":\(now.timeIntervalSince1970 - 1),"end_time":\(now.timeIntervalSince1970)}
            """
        #expect(try await xRay.putTraceSegments([segment]).isEmpty)
        let summaries = try await xRay.getTraceSummaries(start: now.addingTimeInterval(-60), end: now.addingTimeInterval(60))
            .collect()
        #expect(summaries.map(\.Id) == [traceID])
    }

    @Test("Resource Groups Tagging GetResources finds tagged leftovers")
    func tagging() async throws {
        let runtime = try await makeRuntime()
        let topic = try await SNSClient(runtime: runtime).createTopic(name: "lg-tagged", tags: ["labguide:learner": "alice"])
        _ = try await SNSClient(runtime: runtime).createTopic(name: "lg-untagged")
        let tagging = ResourceGroupsTaggingClient(runtime: runtime)
        let found = try await tagging.getResources(tagFilters: [.init(key: "labguide:learner", values: ["alice"])]).collect()
        #expect(found.map(\.ResourceARN) == [topic])
        let tags = found.first?.Tags ?? []
        #expect(tags.map(\.Key) == ["labguide:learner"])
        #expect(tags.map(\.Value) == ["alice"])
    }
}
