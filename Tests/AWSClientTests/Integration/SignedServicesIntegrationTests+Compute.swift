import AWSClient
import Foundation
import MotoTestSupport
import Testing

extension SignedServicesIntegrationTests {
    @Test("Cloud Map namespaces, operations and services")
    func cloudMap() async throws {
        let cloudMap = CloudMapClient(runtime: try await makeRuntime())
        let operationID = try await cloudMap.createHTTPNamespace(name: "lg-orders.local")
        let operation = try await cloudMap.getOperation(id: operationID)
        #expect(operation.Status == "SUCCESS")
        let namespaceID = try #require(operation.Targets?["NAMESPACE"])
        #expect(try await cloudMap.getNamespace(id: namespaceID).Name == "lg-orders.local")
        #expect(try await cloudMap.listNamespaces(pageSize: 1).collect().map(\.Id).contains(namespaceID))

        let service = try await cloudMap.createService(name: "inventory", namespaceID: namespaceID)
        #expect(try await cloudMap.getService(id: service.Id).Name == "inventory")
        #expect(try await cloudMap.listServices().collect().map(\.Id) == [service.Id])
        try await cloudMap.deleteService(id: service.Id)

        _ = try await cloudMap.deleteNamespace(id: namespaceID)
        let error = try await #require(throws: AWSError.self) { try await cloudMap.getNamespace(id: namespaceID) }
        #expect(error.code == "NamespaceNotFound")
    }

    @Test("ECS clusters with Service Connect defaults, task definitions and services")
    func ecs() async throws {
        let ecs = ECSClient(runtime: try await makeRuntime())
        let cluster = try await ecs.createCluster(name: "lg-cluster", serviceConnectNamespace: "lg-orders.local")
        #expect(cluster.clusterName == "lg-cluster")
        let described = try await ecs.describeClusters(["lg-cluster"])
        #expect(described.clusters.first?.serviceConnectDefaults?.namespace.contains("lg-orders.local") == true)

        let container = ECSModels.ContainerDefinition(
            name: "orders", image: "public.ecr.aws/nginx/nginx:latest",
            portMappings: [.init(name: "http", containerPort: 8080, appProtocol: "http")])
        let taskDefinition = try await ecs.registerTaskDefinition(family: "lg-orders", containers: [container])
        #expect(taskDefinition.revision == 1)
        #expect(taskDefinition.containerDefinitions?.first?.portMappings?.first?.appProtocol == "http")

        var definition = ECSClient.ServiceDefinition(
            cluster: "lg-cluster", name: "orders", taskDefinition: taskDefinition.taskDefinitionArn)
        definition.serviceConnectConfiguration = .init(
            enabled: true, namespace: "lg-orders.local",
            services: [.init(portName: "http", discoveryName: "orders", clientAliases: [.init(port: 80)])])
        let service = try await ecs.createService(definition)
        #expect(service.serviceName == "orders")
        let services = try await ecs.describeServices(cluster: "lg-cluster", services: ["orders", "missing"])
        #expect(services.services.map(\.serviceName) == ["orders"])
        #expect(services.failures.first?.reason == "MISSING")

        try await ecs.deleteService(cluster: "lg-cluster", service: "orders")
        try await ecs.deregisterTaskDefinition(taskDefinition.taskDefinitionArn)
        try await ecs.deleteCluster("lg-cluster")
        let error = try await #require(throws: AWSError.self) {
            try await ecs.createService(.init(cluster: "lg-missing", name: "orders", taskDefinition: "lg-orders:1"))
        }
        #expect(error.code == "ClusterNotFoundException")
    }

    /// Only the POST calls: moto 5.2 rejects correctly signed Lambda GET and DELETE calls in this mode (boto3's
    /// too), so `UnsignedServicesIntegrationTests` covers get, list and delete.
    @Test("Lambda CreateFunction and Invoke, signed")
    func lambda() async throws {
        let runtime = try await makeRuntime()
        let iam = IAMClient(runtime: runtime)
        let role = try await iam.createRole(name: "lg-lambda-role", assumeRolePolicyDocument: LambdaFixture.trustPolicy)
        let lambda = LambdaClient(runtime: runtime)
        let function = try await lambda.createFunction(
            .init(name: "lg-order-handler", roleARN: role.arn, zipFile: ZipFixture.handler))
        #expect(function.FunctionName == "lg-order-handler")
        #expect(function.FunctionArn.hasSuffix(":function:lg-order-handler"))
        let invocation = try await lambda.invoke(name: "lg-order-handler", payload: Data(#"{"order":1}"#.utf8))
        #expect(invocation.statusCode == 200)
        #expect(!invocation.payload.isEmpty)
        let error = try await #require(throws: AWSError.self) {
            try await lambda.createFunction(
                .init(name: "lg-no-role", roleARN: "arn:aws:iam::123456789012:role/missing", zipFile: ZipFixture.handler))
        }
        #expect(error.statusCode.map { (400..<500).contains($0) } == true)
    }
}

enum LambdaFixture {
    static let trustPolicy =
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
}
