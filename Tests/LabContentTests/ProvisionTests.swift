import Foundation
import Testing

@testable import LabContent

@Suite("Provision and prices in lab.yaml")
struct ProvisionTests {
    @Test("provision declarations keep kind, typed arguments, rank and a summary with the learner's names")
    func readsProvision() throws {
        let lab = try #require(try LabLibrary.load(from: Fixtures.labsDirectory("Good")).lab(id: "demo"))
        #expect(lab.provision.map(\.kind) == ["ecs.cluster", "iam.role", "ec2.security-group"])
        #expect(lab.provision.map(\.rank) == [4, 0, 2])
        let role = lab.provision[1]
        #expect(role.name(Fixtures.variables) == "lg-ana-7f3k-ecs-task")
        #expect(
            role.summary.render(Fixtures.variables)
                == "IAM role lg-ana-7f3k-ecs-task trusted by ecs-tasks.amazonaws.com, with inline policy task-permissions allowing xray:PutTraceSegments, appmesh:StreamAggregatedResources"
        )
        #expect(role.arguments["allowedActions"]?.list(Fixtures.variables)?.count == 2)
        #expect(lab.provision[2].arguments["selfIngressPort"]?.integer == 8080)
        #expect(
            lab.provision[2].summary.render(Fixtures.variables)
                == "security group lg-ana-7f3k-services in the default VPC, open to its own members on TCP port 8080")
    }

    @Test("prices are read as dollars; missing ones are zero")
    func readsPrices() throws {
        let lab = try #require(try LabLibrary.load(from: Fixtures.labsDirectory("Good")).lab(id: "demo"))
        #expect(
            lab.prices
                == LabPrices(
                    appMeshProxyHour: 0.043, fargateVCPUHour: 0.04048, fargateGBHour: 0.004445, sqsPerMillionRequests: 0.4))
        #expect(lab.prices.lambdaPerMillionRequests == 0)
    }

    @Test("the cross-service lab provisions the seed's seven base resources and prices App Mesh and Fargate")
    func crossServiceLab() throws {
        let lab = try #require(try LabLibrary.load(from: Fixtures.repositoryLabs).lab(id: "cross-service"))
        #expect(
            lab.provision.map(\.kind) == [
                "iam.role", "iam.role", "iam.role", "logs.log-group", "ec2.security-group", "ecs.cluster",
                "servicediscovery.namespace",
            ])
        let variables = lab.variables(prefix: "lg-ana-7f3k-", handle: "ana-7f3k", region: "eu-west-1", accountId: nil)
        let names = lab.provision.map { $0.name(variables) }
        #expect(names.allSatisfy { $0.hasPrefix("lg-ana-7f3k-") })
        #expect(names.contains("lg-ana-7f3k-cross-service"))
        #expect(lab.prices.appMeshProxyHour == 0.043 && lab.prices.fargateGBHour == 0.004445)
    }

    @Test("AWS name rules: length, characters and reserved prefixes, per kind")
    func nameRules() {
        #expect(AWSNameRule.iam("IAM role names", maximumLength: 64).violation(in: "lg-a-role") == nil)
        #expect(AWSNameRule.iam("IAM role names", maximumLength: 64).violation(in: String(repeating: "a", count: 65)) == "")
        #expect(AWSNameRule.securityGroup.violation(in: "sg-lab") == ", which starts with 'sg-'")
        #expect(AWSNameRule.logGroup.violation(in: "/ecs/lg-a-app") == nil)
        #expect(AWSNameRule.logGroup.violation(in: "lg a") == ", which has ' '")
        #expect(AWSNameRule.httpNamespace.violation(in: "lg-a-local") == nil)
        #expect(AWSNameRule.cluster.violation(in: "lg.a") == ", which has '.'")
    }

    @Test("every provisionable kind names its first parameter as the resource name and has a name rule for it")
    func catalogIsConsistent() {
        for specification in ResourceCatalog.specifications {
            #expect(specification.nameRules[specification.nameParameter] != nil, "\(specification.kind)")
        }
        #expect(ResourceCatalog.names.count == Set(ResourceCatalog.names).count)
    }
}
