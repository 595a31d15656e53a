import AWSClient
import Foundation
import LabChecks
import LabContent
import MotoTestSupport
import Testing

/// Cleanup of what the lab's own commands create, and cleanup that stays inside the prefix: two learners and some
/// unprefixed resources in one moto account.
@Suite("Cleanup against moto", .serialized, .motoServer(signatureChecking: false))
struct CleanupIntegrationTests {
    func provisionAndFinishLab(_ account: LearnerAccount) async throws -> Int {
        _ = try await ResourceProvisioner(account: account).ensureAll(try TestAccounts.plan(for: account))
        return try await FinishedLabWork.create(prefix: account.prefix, runtime: account.runtime, zipFile: ZipFixture.handler)
    }

    @Test("after the whole lab, the scan finds every resource with its hourly cost; cleanup leaves nothing")
    func cleansUpFinishedLab() async throws {
        let account = try TestAccounts.make(prefix: TestAccounts.ana.prefix, handle: TestAccounts.ana.handle)
        let created = try await provisionAndFinishLab(account)
        let lab = try TestAccounts.crossServiceLab()
        let scanner = AccountScanner(account: account, prices: lab.prices)
        let scan = try await scanner.scan()
        #expect(scan.resources.count == created + 7)
        #expect(Set(scan.resources.map(\.kind)) == Set(ResourceKind.removalOrder))
        #expect(scan.notes.count == 1 && scan.notes[0].contains("virtual services"))

        // Four services, each one task of 0.5 vCPU and 1 GB with an Envoy proxy.
        let perService = 0.5 * 0.04048 + 1 * 0.004445 + 0.043
        let service = try #require(scan.resources.first { $0.kind == ResourceKind.ecsService })
        #expect(abs((service.hourlyCost ?? 0) - perService) < 1e-9)
        #expect(service.costDetail == "1 task × (0.5 vCPU, 1 GB) on Fargate + 1 App Mesh proxy")
        #expect(abs(scan.hourlyCostTotal - 4 * perService) < 1e-9)
        #expect(scan.stillRunning.count == 4)
        let queue = try #require(scan.resources.first { $0.kind == ResourceKind.queue })
        #expect(queue.hourlyCost == 0 && queue.costDetail?.contains("per request ($0.40 per million)") == true)

        let removals = await ResourceRemover(account: account).removeAll(scan.resources)
        #expect(removals.count == scan.resources.count)
        #expect(removals.allSatisfy { $0.failure == nil }, "\(removals.compactMap(\.failure))")
        let after = try await scanner.scan()
        #expect(after.resources == [], "\(after.resources.map(\.summary))")
    }

    @Test("cleanup of one learner leaves the other learner's and unprefixed resources in the same account")
    func staysInsidePrefix() async throws {
        let ana = try TestAccounts.make(prefix: TestAccounts.ana.prefix, handle: TestAccounts.ana.handle)
        let bob = try TestAccounts.make(prefix: TestAccounts.bob.prefix, handle: TestAccounts.bob.handle)
        _ = try await provisionAndFinishLab(ana)
        let bobCreated = try await provisionAndFinishLab(bob)
        let runtime = ana.runtime
        _ = try await SQSClient(runtime: runtime).createQueue(name: "orders")
        _ = try await SNSClient(runtime: runtime).createTopic(name: "lg-ana-7f3kx-events")
        _ = try await ECSClient(runtime: runtime).createCluster(name: "lg-ana-cluster", tags: [:])

        let anaScan = try await AccountScanner(account: ana, prices: .none).scan()
        #expect(anaScan.resources.allSatisfy { $0.ownerName.hasPrefix("lg-ana-7f3k-") })
        let removals = await ResourceRemover(account: ana).removeAll(anaScan.resources)
        #expect(removals.allSatisfy { $0.failure == nil })
        #expect(try await AccountScanner(account: ana, prices: .none).scan().resources == [])

        let bobScan = try await AccountScanner(account: bob, prices: .none).scan()
        #expect(bobScan.resources.count == bobCreated + 7)
        #expect(try await SQSClient(runtime: runtime).getQueueURL(name: "orders").hasSuffix("/orders"))
        #expect(try await SNSClient(runtime: runtime).listTopics().collect().contains { $0.hasSuffix(":lg-ana-7f3kx-events") })
        #expect(try await ECSClient(runtime: runtime).describeClusters(["lg-ana-cluster"]).clusters.first?.status == "ACTIVE")

        // The remover refuses another learner's resource without calling AWS, and the refusal is permanent.
        let bobQueue = try #require(bobScan.resources.first { $0.kind == ResourceKind.queue })
        let refusal = try await #require(throws: ResourceRemovalRefusal.self) {
            try await ResourceRemover(account: ana).remove(bobQueue)
        }
        #expect(refusal.description.contains("does not start with the learner's prefix lg-ana-7f3k-"))
        #expect(classify(refusal).isPermanent)
        #expect(try await SQSClient(runtime: runtime).getQueueURL(name: bobQueue.name) == bobQueue.identifier)
        _ = await ResourceRemover(account: bob).removeAll(bobScan.resources)
    }

    @Test("ledger entries merge with the scan; removing what is already gone counts as removed")
    func ledgerAndAlreadyGone() async throws {
        let account = try TestAccounts.make(prefix: TestAccounts.ana.prefix, handle: TestAccounts.ana.handle)
        let outcomes = try await ResourceProvisioner(account: account).ensureAll(try TestAccounts.plan(for: account))
        let plan = try TestAccounts.plan(for: account)
        let ledger = zip(plan, outcomes).map { resource, outcome in
            ResourceRemover.foundResource(fromLedger: resource.kind, name: resource.name, identifier: outcome.identifier)
        }
        let scan = try await AccountScanner(account: account, prices: .none).scan()
        let merged = ResourceRemover.merge(ledger: ledger, scan: scan.resources)
        #expect(merged.count == 7)
        let remover = ResourceRemover(account: account)
        for resource in merged { try await remover.remove(resource) }
        for resource in merged { try await remover.remove(resource) }
        #expect(try await AccountScanner(account: account, prices: .none).scan().resources == [])
    }
}
