import Foundation
import Testing

@testable import LabSandbox

@Suite("Sandbox keyring")
struct SandboxKeyringTests {
    let keyring = SandboxKeyring(secret: Data(repeating: 7, count: 32))

    @Test("Each learner gets an account and keys of their own, the same every time")
    func identities() {
        let ana = keyring.identity(forLearnerID: 1)
        let bo = keyring.identity(forLearnerID: 2)
        #expect(ana.accountID == "200000000001")
        #expect(bo.accountID == "200000000002")
        #expect(ana != bo)
        #expect(keyring.identity(forLearnerID: 1) == ana)
        #expect(ana.accessKeyID.count == 24 && ana.accessKeyID.hasPrefix("LGSB200000000001"))
        #expect(ana.secretAccessKey.count == 40)
    }

    @Test("The proxy finds the account from a key it issued, and from no other")
    func accountFromKey() {
        let ana = keyring.identity(forLearnerID: 1)
        #expect(keyring.accountID(forAccessKeyID: ana.accessKeyID) == "200000000001")
        // Editing the account digits to reach someone else's account breaks the tag.
        let edited = ana.accessKeyID.replacingOccurrences(of: "200000000001", with: "200000000002")
        #expect(keyring.accountID(forAccessKeyID: edited) == nil)
        #expect(keyring.accountID(forAccessKeyID: "AKIAIOSFODNN7EXAMPLE") == nil)
        #expect(keyring.accountID(forAccessKeyID: "") == nil)
        let otherServer = SandboxKeyring(secret: Data(repeating: 8, count: 32))
        #expect(otherServer.accountID(forAccessKeyID: ana.accessKeyID) == nil)
    }
}
