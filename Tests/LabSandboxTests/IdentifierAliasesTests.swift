import Foundation
import Testing

@testable import LabSandbox

@Suite("Identifier aliases after a replay")
struct IdentifierAliasesTests {
    @Test("Ids that differ between the recorded and the replayed answer are paired, both ways")
    func learnsFromJSON() {
        let aliases = IdentifierAliases()
        aliases.learn(
            account: "200000000001",
            recorded: Data(#"{"Namespaces":[{"Id":"ns-old1234abcd","Name":"lg-ana-local","CreateDate":1.5}]}"#.utf8),
            replayed: Data(#"{"Namespaces":[{"Id":"ns-new9876wxyz","Name":"lg-ana-local","CreateDate":2.5}]}"#.utf8))
        #expect(
            aliases.toCurrent(#"{"NamespaceId":"ns-old1234abcd"}"#, account: "200000000001")
                == #"{"NamespaceId":"ns-new9876wxyz"}"#)
        #expect(aliases.toStable("ns-new9876wxyz", account: "200000000001") == "ns-old1234abcd")
        // Another account's calls are left alone.
        #expect(aliases.toCurrent("ns-old1234abcd", account: "200000000002") == "ns-old1234abcd")
        #expect(aliases.changedIdentifiers(account: "200000000001").map(\.stable) == ["ns-old1234abcd"])
    }

    @Test("ARNs in XML answers are paired, and translated where a form body encodes them")
    func learnsFromXML() {
        let aliases = IdentifierAliases()
        let old = "arn:aws:sns:us-east-1:200000000001:lg-t:1111aaaa-2222"
        let new = "arn:aws:sns:us-east-1:200000000001:lg-t:9999ffff-8888"
        aliases.learn(
            account: "a",
            recorded: Data("<SubscribeResponse><SubscriptionArn>\(old)</SubscriptionArn><RequestId>r1</RequestId>".utf8),
            replayed: Data("<SubscribeResponse><SubscriptionArn>\(new)</SubscriptionArn><RequestId>r2</RequestId>".utf8))
        let form = "Action=SetSubscriptionAttributes&SubscriptionArn=" + IdentifierAliases.formEncoded(old)
        #expect(aliases.toCurrent(form, account: "a").hasSuffix(IdentifierAliases.formEncoded(new)))
    }

    @Test("Dates, words and answers of another shape teach nothing")
    func ignoresNoise() {
        let aliases = IdentifierAliases()
        aliases.learn(
            account: "a", recorded: Data(#"{"When":"2026-12-01T08:00:00Z","Status":"ACTIVE"}"#.utf8),
            replayed: Data(#"{"When":"2026-12-02T09:00:00Z","Status":"PENDING"}"#.utf8))
        aliases.learn(
            account: "a", recorded: Data(#"{"Id":"sg-00000001"}"#.utf8),
            replayed: Data(#"{"Id":"sg-00000002","Extra":"sg-00000003"}"#.utf8))
        #expect(aliases.changedIdentifiers(account: "a").isEmpty)
        #expect(aliases.toCurrent("sg-00000001", account: "a") == "sg-00000001")
    }
}
