import AWSClient
import LabChecks
import MotoTestSupport
import Testing

/// `appmesh.virtual-service` and `ecs.service-connect`, which the sandbox cannot answer: unsupported there with the
/// reason, and on a real account (moto where it answers, `RealAccountStandIn` where it cannot) passed or failed.
@Suite("Verify: checks only a real account answers", .motoServer(signatureChecking: false))
struct RealAccountCheckTests {
    @Test("on the sandbox both are unsupported, say why, and call nothing")
    func unsupportedOnSandbox() async throws {
        let learner = try VerifyFixtures.makeLearner()
        let checks =
            try VerifyFixtures.labChecks(step: "router-and-services", for: learner)
            + VerifyFixtures.labChecks(step: "service-connect-services", for: learner)
        // Indices start again in each step: number them as one list.
        let unsupported = checks.filter { !$0.isSupportedByEmulator }.enumerated().map { index, check in
            RenderedCheck(
                index: index, name: check.name, parameters: check.parameters, summary: check.summary,
                isSupportedByEmulator: check.isSupportedByEmulator)
        }
        let results = await CheckRunner(environment: CheckEnvironment(account: learner, isSandbox: true)).run(unsupported)
        #expect(
            results.map(\.check) == [
                "appmesh.virtual-service", "appmesh.virtual-service", "ecs.service-connect", "ecs.service-connect",
            ])
        #expect(results.allSatisfy { $0.status == .unsupported && $0.calls.isEmpty })
        let mesh = try #require(results.first)
        #expect(mesh.observed?.hasPrefix("The sandbox emulator (moto) has no App Mesh virtual services") == true)
        #expect(
            mesh.observed?.contains(
                "On a real AWS account Verify checks that virtual service inventory.\(learner.prefix)local exists in mesh "
                    + "\(learner.prefix)mesh, provided by inventory-router.") == true)
        let connect = try #require(results.last)
        #expect(connect.observed?.contains("does not keep it") == true)
        #expect(
            connect.observed?.contains(
                "ECS service \(learner.prefix)inventory in cluster \(learner.prefix)cluster uses Service Connect as inventory")
                == true)
    }

    @Test("on a real account, appmesh.virtual-service passes with its provider and fails with another or none")
    func virtualService() async throws {
        let mesh = "lg-real-9x9x-mesh"
        let service = "inventory.lg-real-9x9x-local"
        let body = #"""
            {"meshName": "\#(mesh)", "virtualServiceName": "\#(service)", "metadata": {"arn": "arn:aws:appmesh:us-east-1:123456789012:mesh/\#(mesh)/virtualService/\#(service)"},
             "spec": {"provider": {"virtualRouter": {"virtualRouterName": "inventory-router"}}}, "status": {"status": "ACTIVE"}}
            """#
        let standIn = try await RealAccountStandIn.start(answers: ["/v20190125/meshes/\(mesh)/virtualServices/\(service)": body])
        defer { standIn.stop() }
        let learner = try standIn.makeLearner()
        func check(_ name: String, provider: String) -> RenderedCheck {
            VerifyFixtures.check(
                "appmesh.virtual-service", ["mesh": .text(mesh), "virtualService": .text(name), "provider": .text(provider)])
        }
        let matching = await VerifyFixtures.run(check(service, provider: "inventory-router"), as: learner, isSandbox: false)
        #expect(matching.status == .passed, "\(matching.observed ?? "")")
        #expect(matching.facts["provider"] == "inventory-router")

        let other = await VerifyFixtures.run(check(service, provider: "inventory"), as: learner, isSandbox: false)
        #expect(other.status == .failed)
        #expect(other.expected == "provided by inventory")
        #expect(other.observed == "virtual service \(service) in mesh \(mesh) is provided by inventory-router")

        let missing = await VerifyFixtures.run(check("user.lg-real-9x9x-local", provider: "user"), as: learner, isSandbox: false)
        #expect(missing.status == .failed)
        #expect(missing.observed == "there is no virtual service named user.lg-real-9x9x-local in mesh \(mesh)")
    }

    @Test("on a real account, ecs.service-connect reads the primary deployment's settings and discovery names")
    func serviceConnect() async throws {
        let cluster = "lg-real-9x9x-cluster"
        let name = "lg-real-9x9x-inventory"
        let body = #"""
            {"services": [{"serviceArn": "arn:aws:ecs:us-east-1:123456789012:service/\#(cluster)/\#(name)", "serviceName": "\#(name)",
              "status": "ACTIVE", "desiredCount": 1, "runningCount": 1,
              "deployments": [{"id": "ecs-svc/1", "status": "PRIMARY", "desiredCount": 1, "runningCount": 1,
                "serviceConnectConfiguration": {"enabled": true, "namespace": "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-1",
                  "services": [{"portName": "http", "discoveryName": "inventory", "clientAliases": [{"port": 8080, "dnsName": "inventory"}]}]},
                "serviceConnectResources": [{"discoveryName": "inventory", "discoveryArn": "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1"}]}]}],
             "failures": []}
            """#
        let standIn = try await RealAccountStandIn.start(answers: ["AmazonEC2ContainerServiceV20141113.DescribeServices": body])
        defer { standIn.stop() }
        let learner = try standIn.makeLearner()
        func check(_ discoveryName: String) -> RenderedCheck {
            VerifyFixtures.check(
                "ecs.service-connect", ["cluster": .text(cluster), "service": .text(name), "discoveryName": .text(discoveryName)])
        }
        let matching = await VerifyFixtures.run(check("inventory"), as: learner, isSandbox: false)
        #expect(matching.status == .passed, "\(matching.observed ?? "")")
        #expect(matching.facts["serviceConnectConfiguration.enabled"] == "true")
        let other = await VerifyFixtures.run(check("stock"), as: learner, isSandbox: false)
        #expect(other.status == .failed)
        #expect(other.observed == "ECS service \(name) in cluster \(cluster) uses Service Connect as inventory")
    }

    @Test("moto keeps no Service Connect on a service, so asked as a real account it fails, saying so")
    func serviceConnectMissing() async throws {
        let learner = try VerifyFixtures.makeLearner()
        let ecs = ECSClient(runtime: learner.runtime)
        let cluster = learner.prefix + "cluster"
        _ = try await ecs.createCluster(name: cluster, tags: [:])
        let taskDefinition = try await ecs.registerTaskDefinition(
            family: learner.prefix + "order", containers: [.init(name: "app", image: "python:3.12-alpine")])
        var definition = ECSClient.ServiceDefinition(
            cluster: cluster, name: learner.prefix + "order", taskDefinition: taskDefinition.taskDefinitionArn)
        definition.serviceConnectConfiguration = .init(
            enabled: true, namespace: learner.prefix + "local", services: [.init(portName: "http")])
        _ = try await ecs.createService(definition)
        let result = await VerifyFixtures.run(
            VerifyFixtures.check("ecs.service-connect", ["cluster": .text(cluster), "service": .text(definition.name)]),
            as: learner,
            isSandbox: false)
        #expect(result.status == .failed)
        #expect(result.expected == "Service Connect enabled on ECS service \(definition.name)")
        #expect(result.observed == "ECS service \(definition.name) in cluster \(cluster) does not use Service Connect")
    }
}
