import AWSClient
import LabChecks
import MotoTestSupport
import Testing

/// The ECS and Cloud Map checks against moto.
@Suite("Verify: ECS and Cloud Map", .motoServer(signatureChecking: false))
struct ComputeCheckTests {
    @Test("ecs.cluster passes for an active cluster and fails for a missing one")
    func cluster() async throws {
        let learner = try VerifyFixtures.makeLearner()
        let cluster = learner.prefix + "cluster"
        let check = VerifyFixtures.check("ecs.cluster", ["cluster": .text(cluster)])
        let missing = await VerifyFixtures.run(check, as: learner)
        #expect(missing.status == .failed)
        #expect(missing.expected == "an active ECS cluster named \(cluster)")
        #expect(missing.observed == "there is no active ECS cluster named \(cluster) in us-east-1")
        let created = try await ECSClient(runtime: learner.runtime).createCluster(name: cluster, tags: [:])
        let found = await VerifyFixtures.run(check, as: learner)
        #expect(found.status == .passed)
        #expect(found.facts["clusterArn"] == created.clusterArn)
    }

    @Test("ecs.service passes for an active service with tasks, and fails for a missing service or cluster")
    func service() async throws {
        let learner = try VerifyFixtures.makeLearner()
        let cluster = learner.prefix + "cluster"
        let name = learner.prefix + "order"
        let check = VerifyFixtures.check("ecs.service", ["cluster": .text(cluster), "service": .text(name)])
        let noCluster = await VerifyFixtures.run(check, as: learner)
        #expect(noCluster.status == .failed)
        #expect(noCluster.expected == "ECS service \(name) in cluster \(cluster)")
        #expect(noCluster.observed == "there is no ECS cluster named \(cluster)")

        let ecs = ECSClient(runtime: learner.runtime)
        _ = try await ecs.createCluster(name: cluster, tags: [:])
        let noService = await VerifyFixtures.run(check, as: learner)
        #expect(noService.status == .failed)
        #expect(noService.observed == "cluster \(cluster) has no service named \(name)")

        let taskDefinition = try await ecs.registerTaskDefinition(
            family: name, containers: [.init(name: "app", image: "python:3.12-alpine")])
        var definition = ECSClient.ServiceDefinition(
            cluster: cluster, name: name, taskDefinition: taskDefinition.taskDefinitionArn)
        definition.desiredCount = 0
        _ = try await ecs.createService(definition)
        let scaledDown = await VerifyFixtures.run(check, as: learner)
        #expect(scaledDown.status == .failed)
        #expect(scaledDown.expected == "ECS service \(name) active with at least one task")
        #expect(scaledDown.observed == "ECS service \(name) in cluster \(cluster) is ACTIVE with 0 desired tasks")

        definition.name = learner.prefix + "inventory"
        definition.desiredCount = 1
        _ = try await ecs.createService(definition)
        let running = await VerifyFixtures.run(
            VerifyFixtures.check("ecs.service", ["cluster": .text(cluster), "service": .text(definition.name)]), as: learner)
        #expect(running.status == .passed, "\(running.observed ?? "")")
        #expect(running.facts["desiredCount"] == "1")
    }

    @Test("servicediscovery.namespace and .service find the HTTP namespace and the service inside it")
    func discovery() async throws {
        let learner = try VerifyFixtures.makeLearner()
        let namespace = learner.prefix + "local"
        let namespaceCheck = VerifyFixtures.check("servicediscovery.namespace", ["namespace": .text(namespace)])
        let serviceCheck = VerifyFixtures.check(
            "servicediscovery.service", ["namespace": .text(namespace), "service": .text("inventory")])
        let missing = await VerifyFixtures.run(namespaceCheck, as: learner)
        #expect(missing.status == .failed)
        #expect(missing.expected == "a Cloud Map namespace named \(namespace)")
        #expect(missing.observed == "there is no Cloud Map namespace named \(namespace) in us-east-1")
        #expect(await VerifyFixtures.run(serviceCheck, as: learner).observed == missing.observed)

        let cloudMap = CloudMapClient(runtime: learner.runtime)
        let operation = try await cloudMap.getOperation(id: try await cloudMap.createHTTPNamespace(name: namespace))
        let namespaceID = try #require(operation.Targets?["NAMESPACE"])
        let found = await VerifyFixtures.run(namespaceCheck, as: learner)
        #expect(found.status == .passed)
        #expect(found.facts["namespaceId"] == namespaceID)

        _ = try await cloudMap.createService(name: "user", namespaceID: namespaceID)
        let noService = await VerifyFixtures.run(serviceCheck, as: learner)
        #expect(noService.status == .failed)
        #expect(noService.expected == "a Cloud Map service named inventory in namespace \(namespace)")
        #expect(noService.observed == "namespace \(namespace) has no service named inventory (it has user)")

        let service = try await cloudMap.createService(name: "inventory", namespaceID: namespaceID)
        let matching = await VerifyFixtures.run(serviceCheck, as: learner)
        #expect(matching.status == .passed, "\(matching.observed ?? "")")
        #expect(matching.facts["serviceId"] == service.Id)
    }
}
