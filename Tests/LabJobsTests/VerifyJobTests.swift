import AWSClient
import Foundation
import LabChecks
import LabContent
import LabJobs
import LabStore
import MotoTestSupport
import Testing

/// The verify job end to end against moto: attempts and results stored as the page reads them, the step verified
/// once every check passes, and no credential anywhere in what is kept.
@Suite("Verify job against moto", .serialized, .motoServer(signatureChecking: false))
struct VerifyJobTests {
    static let labs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("labs")

    struct Fixture {
        let database: AppDatabase
        let queue: JobQueue
        let registry: JobRegistry
        let lab: Lab
        let learner: Learner
        let runtime: AWSRuntime
    }

    func makeFixture(handle: String) async throws -> Fixture {
        let database = try AppDatabase.makeInMemory()
        let library = try LabLibrary.load(from: Self.labs)
        let lab = try #require(library.lab(id: "cross-service"))
        let runtime = try SandboxAccount.makeRuntime(
            server: MotoServer.require(), credentials: SandboxAccount.bootstrapCredentials)
        let targets = LearnerTargets(target: .account(runtime, accountID: "123456789012"), region: "us-east-1")
        var registry = JobRegistry()
        registry.registerLabJobs(database: database, labs: library, targets: targets)
        let learner = try await database.createLearner(
            Learner(name: "Vic", handle: handle, resourcePrefix: "lg-\(handle)-", createdAt: Date()))
        return Fixture(
            database: database, queue: JobQueue(database: database, registry: registry), registry: registry, lab: lab,
            learner: learner, runtime: runtime)
    }

    func verify(_ fixture: Fixture, step: String) async throws -> (VerifyAttempt, [StoredCheckResult]) {
        let started = try await VerifyRequests(queue: fixture.queue).start(
            learnerID: fixture.learner.id ?? 0, lab: fixture.lab, steps: [try #require(fixture.lab.step(id: step))],
            scope: .step(step))
        let job = try await fixture.queue.runToCompletion(jobID: started.job.id, registry: fixture.registry)
        #expect(job.state == .completed)
        let attempt = try #require(try await fixture.database.verifyAttempt(id: started.attempts[0].id))
        return (attempt, try await fixture.database.checkResults(attemptIDs: [attempt.id])[attempt.id] ?? [])
    }

    @Test func aStepFailsNamingWhatIsMissingThenPassesAndIsVerified() async throws {
        let fixture = try await makeFixture(handle: "vic-7f3k")
        let sns = SNSClient(runtime: fixture.runtime)
        _ = try await sns.createTopic(name: "lg-vic-7f3k-order-events")
        _ = try await sns.createTopic(name: "lg-vic-7f3k-user-events")

        let (first, firstResults) = try await verify(fixture, step: "create-topics")
        #expect(first.state == .failed)
        #expect(firstResults.map(\.status) == ["passed", "passed", "failed"])
        #expect(firstResults[2].observed?.contains("lg-vic-7f3k-inventory-events") == true)
        #expect(firstResults.allSatisfy { $0.calls.contains("SNS") })

        _ = try await sns.createTopic(name: "lg-vic-7f3k-inventory-events")
        let (second, _) = try await verify(fixture, step: "create-topics")
        #expect(second.state == .passed)
        let progress = try await fixture.database.progress(learnerID: fixture.learner.id ?? 0, labID: "cross-service")
        #expect(progress["create-topics"]?.status == .verified)
    }

    @Test func nothingKeptHoldsTheCredentials() async throws {
        let fixture = try await makeFixture(handle: "sec-7f3k")
        let sqs = SQSClient(runtime: fixture.runtime)
        _ = try await sqs.createQueue(name: "lg-sec-7f3k-order-processing")
        var kept: [String] = []
        for step in ["create-queues", "create-topics", "subscribe-queues", "publish-order-event"] {
            let (attempt, results) = try await verify(fixture, step: step)
            for result in results {
                kept += [
                    result.summary, result.expected ?? "", result.observed ?? "", result.hint ?? "", result.facts, result.calls,
                ]
            }
            kept += try await fixture.queue.log(jobID: attempt.jobID).map { "\($0.message) \($0.fields)" }
            kept.append(try await fixture.queue.job(id: attempt.jobID)?.result ?? "")
        }
        let text = kept.joined(separator: "\n")
        #expect(!text.isEmpty)
        let credentials = SandboxAccount.bootstrapCredentials
        for secret in [credentials.accessKeyID, credentials.secretAccessKey, "Signature=", "X-Amz-Security-Token"] {
            #expect(!text.contains(secret), "\(secret) was kept")
        }
    }
}
