import AWSClient
import Foundation
import LabChecks
import LabContent
import MotoTestSupport

/// Learners in the suite's moto: all of them share moto's one account, which is the harder case for cleanup (in
/// the sandbox each learner has an account of their own).
enum TestAccounts {
    static func make(prefix: String, handle: String) throws -> LearnerAccount {
        let runtime = try SandboxAccount.makeRuntime(
            server: MotoServer.require(), credentials: SandboxAccount.bootstrapCredentials)
        return try LearnerAccount(
            runtime: runtime, prefix: prefix, handle: handle, labID: "cross-service", accountID: "123456789012",
            region: "us-east-1")
    }

    static let ana = (prefix: "lg-ana-7f3k-", handle: "ana-7f3k")
    static let bob = (prefix: "lg-bob-2x9p-", handle: "bob-2x9p")

    /// The repository's cross-service lab.
    static func crossServiceLab() throws -> Lab {
        let labs = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("labs")
        guard let lab = try LabLibrary.load(from: labs).lab(id: "cross-service") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return lab
    }

    static func plan(for account: LearnerAccount) throws -> [PlannedResource] {
        let lab = try crossServiceLab()
        let variables = lab.variables(
            prefix: account.prefix, handle: account.handle, region: account.region, accountId: account.accountID)
        return ProvisionPlan.make(for: lab, variables: variables)
    }
}
