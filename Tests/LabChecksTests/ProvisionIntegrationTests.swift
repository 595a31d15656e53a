import AWSClient
import Foundation
import LabChecks
import LabContent
import MotoTestSupport
import Testing

/// Provision of every kind in the cross-service lab's `provision:` against moto: created once, tagged, observed as
/// matching, recreated by nothing on a rerun, converged when changed, and cleaned up to an empty scan.
@Suite("Provision against moto", .serialized, .motoServer(signatureChecking: false))
struct ProvisionIntegrationTests {
    @Test("the plan is in dependency order, with the learner's names and one-line summaries")
    func planOrder() throws {
        let account = try TestAccounts.make(prefix: TestAccounts.ana.prefix, handle: TestAccounts.ana.handle)
        let plan = try TestAccounts.plan(for: account)
        #expect(
            plan.map(\.kind) == [
                "iam.role", "iam.role", "iam.role", "logs.log-group", "ec2.security-group", "servicediscovery.namespace",
                "ecs.cluster",
            ])
        #expect(plan.map(\.name).allSatisfy { $0.hasPrefix("lg-ana-7f3k-") })
        #expect(plan.last?.summary == "ECS cluster lg-ana-7f3k-cluster")
    }

    @Test("ensure creates every resource once and tags it; a rerun creates nothing; observe finds each matching")
    func ensureIsIdempotent() async throws {
        let account = try TestAccounts.make(prefix: TestAccounts.ana.prefix, handle: TestAccounts.ana.handle)
        let provisioner = ResourceProvisioner(account: account)
        let plan = try TestAccounts.plan(for: account)
        for resource in plan { #expect(try await provisioner.observe(resource).state == .missing, "\(resource.summary)") }

        let first = try await provisioner.ensureAll(plan)
        #expect(first.allSatisfy { $0.isCreated })
        #expect(first[0].identifier == "arn:aws:iam::123456789012:role/lg-ana-7f3k-ecs-execution")
        #expect(first[4].identifier.hasPrefix("sg-"))
        #expect(first[5].identifier.hasPrefix("ns-"))
        #expect(first[6].identifier == "arn:aws:ecs:us-east-1:123456789012:cluster/lg-ana-7f3k-cluster")

        let second = try await provisioner.ensureAll(plan)
        #expect(second == first.map { EnsureOutcome.alreadyPresent(identifier: $0.identifier) })
        for resource in plan { #expect(try await provisioner.observe(resource).state == .matching, "\(resource.summary)") }

        let runtime = account.runtime
        let expectedTags = ["labguide:learner": "ana-7f3k", "labguide:lab": "cross-service"]
        #expect(try await IAMClient(runtime: runtime).listRoleTags(name: "lg-ana-7f3k-ecs-task") == expectedTags)
        let logGroup = try #require(
            try await CloudWatchLogsClient(runtime: runtime).describeLogGroups(prefix: "lg-ana-7f3k-").collect().first)
        #expect(
            try await CloudWatchLogsClient(runtime: runtime).listTags(resourceARN: try #require(logGroup.logGroupArn))
                == expectedTags)
        let group = try #require(try await EC2Client(runtime: runtime).describeSecurityGroups(ids: [first[4].identifier]).first)
        #expect(group.tags == expectedTags)
        #expect(group.ingress.contains { $0.fromPort == 8080 && $0.sourceGroupIDs == [group.groupID] })
        let policy = try await IAMClient(runtime: runtime).getRolePolicy(
            roleName: "lg-ana-7f3k-ecs-task", policyName: "cross-service-task")
        #expect(policy.contains("appmesh:StreamAggregatedResources"))

        try await cleanUp(account)
    }

    @Test("a role whose inline policy was deleted is observed as differing and converged by ensure")
    func convergesInlinePolicy() async throws {
        let account = try TestAccounts.make(prefix: TestAccounts.ana.prefix, handle: TestAccounts.ana.handle)
        let provisioner = ResourceProvisioner(account: account)
        let plan = try TestAccounts.plan(for: account)
        _ = try await provisioner.ensureAll(plan)
        try await IAMClient(runtime: account.runtime).deleteRolePolicy(
            roleName: "lg-ana-7f3k-ecs-task", policyName: "cross-service-task")
        let role = try #require(plan.first { $0.name == "lg-ana-7f3k-ecs-task" })
        let observation = try await provisioner.observe(role)
        #expect(observation.state == .differing)
        #expect(observation.differences == ["inline policy cross-service-task is missing"])
        let outcome = try await provisioner.ensure(role)
        #expect(outcome == .converged(identifier: role.arn, changes: observation.differences))
        #expect(try await provisioner.observe(role).state == .matching)
        try await cleanUp(account)
    }

    /// Cleanup through the public API, then a scan that must come back empty.
    func cleanUp(_ account: LearnerAccount) async throws {
        let scanner = AccountScanner(account: account, prices: .none)
        let found = try await scanner.scan()
        #expect(found.resources.count == 7)
        let removals = await ResourceRemover(account: account).removeAll(found.resources)
        #expect(removals.allSatisfy { $0.failure == nil }, "\(removals.compactMap(\.failure))")
        #expect(try await scanner.scan().resources == [])
    }
}

extension PlannedResource {
    var arn: String { "arn:aws:iam::123456789012:role/\(name)" }
}
