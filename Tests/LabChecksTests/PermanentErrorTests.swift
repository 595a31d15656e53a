import AWSClient
import Foundation
import LabChecks
import MotoTestSupport
import Testing

/// A learner whose credentials may do nothing: moto checks signatures and IAM policies after the two free setup
/// calls, so provisioning meets a real AccessDenied, which must end the job at once with AWS's code and message.
@Suite("Permanent errors from moto")
struct PermanentErrorTests {
    @Test("AccessDenied while provisioning is permanent and carries AWS's code and message")
    func accessDeniedIsPermanent() async throws {
        let server = try await MotoServer.start(unauthenticatedCallCount: 2)
        defer { server.stop() }
        let bootstrap = try SandboxAccount.makeRuntime(server: server, credentials: SandboxAccount.bootstrapCredentials)
        let iam = IAMClient(runtime: bootstrap)
        _ = try await iam.createUser(name: "lg-powerless")
        let key = try await iam.createAccessKey(userName: "lg-powerless")
        let runtime = try SandboxAccount.makeRuntime(server: server, credentials: key)
        let account = try LearnerAccount(
            runtime: runtime, prefix: "lg-ana-7f3k-", handle: "ana-7f3k", labID: "cross-service",
            accountID: "123456789012", region: "us-east-1")
        let plan = try TestAccounts.plan(for: account)
        let error = await #expect(throws: AWSError.self) {
            try await ResourceProvisioner(account: account).ensure(plan[0])
        }
        let failure = classify(try #require(error))
        #expect(failure.isPermanent)
        #expect(failure.message.contains("AccessDenied"), "\(failure.message)")
        #expect(failure.message.contains("not authorized"), "\(failure.message)")
    }
}
