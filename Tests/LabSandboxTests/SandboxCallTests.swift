import Foundation
import Testing

@testable import LabSandbox

@Suite("Reading a learner's AWS call")
struct SandboxCallTests {
    static let authorization =
        "AWS4-HMAC-SHA256 Credential=LGSB200000000001ABCDEF12/20261201/eu-west-1/sqs/aws4_request, "
        + "SignedHeaders=host;x-amz-date, Signature=abc"

    @Test("JSON protocols: key, region and service from the credential scope, action from X-Amz-Target")
    func jsonCall() {
        let call = SandboxCall(
            method: "POST", target: "/",
            headers: [("Authorization", Self.authorization), ("X-Amz-Target", "AmazonSQS.CreateQueue")], body: Data())
        #expect(call.accessKeyID == "LGSB200000000001ABCDEF12")
        #expect(call.region == "eu-west-1")
        #expect(call.service == "sqs")
        #expect(call.action == "CreateQueue")
        #expect(call.isWrite)
    }

    @Test("Query protocol: the action from a form body; reads are not writes")
    func queryCall() {
        let call = SandboxCall(
            method: "POST", target: "/",
            headers: [
                ("authorization", Self.authorization), ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
            ],
            body: Data("Action=ListTopics&Version=2010-03-31".utf8))
        #expect(call.action == "ListTopics")
        #expect(!call.isWrite)
    }

    @Test("REST calls: GET reads, other methods write; a presigned URL carries the key in its query")
    func restCall() {
        let read = SandboxCall(
            method: "GET", target: "/v20190125/meshes?X-Amz-Credential=LGSBKEY%2F20261201%2Fus-east-1%2Fappmesh%2Faws4_request",
            headers: [], body: Data())
        #expect(read.accessKeyID == "LGSBKEY")
        #expect(read.service == "appmesh")
        #expect(!read.isWrite)
        let write = SandboxCall(
            method: "PUT", target: "/v20190125/meshes", headers: [("Authorization", Self.authorization)], body: Data())
        #expect(write.isWrite)
        let anonymous = SandboxCall(method: "GET", target: "/", headers: [], body: Data())
        #expect(anonymous.accessKeyID == nil)
    }
}
