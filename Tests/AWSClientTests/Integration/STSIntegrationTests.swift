import AWSClient
import Foundation
import MotoTestSupport
import Testing

/// STS against moto with signature checking on: a correct signature passes, a wrong secret is refused.
@Suite("STS against moto (signatures checked)", .serialized, .motoServer(signatureChecking: true))
struct STSIntegrationTests {
    @Test("GetCallerIdentity returns the sandbox account and the test user")
    func callerIdentity() async throws {
        let server = try MotoServer.require()
        let runtime = try await SandboxAccount.makeSignedRuntime(server: server)
        let identity = try await STSClient(runtime: runtime).getCallerIdentity()
        #expect(identity.account == "123456789012")
        #expect(identity.arn.hasSuffix(":user/labguide-test"))

        let forged = try SandboxAccount.makeRuntime(
            server: server,
            credentials: AWSCredentials(
                accessKeyID: (try await runtime.credentialProvider.credentials()).accessKeyID,
                secretAccessKey: "not-the-secret"))
        let error = try await #require(throws: AWSError.self) {
            try await STSClient(runtime: forged).getCallerIdentity()
        }
        #expect(error.code == "SignatureDoesNotMatch")
        #expect(error.statusCode == 403)
        #expect(!error.isRetryable)

        let unknown = try SandboxAccount.makeRuntime(
            server: server, credentials: AWSCredentials(accessKeyID: "AKIAUNKNOWNKEY000000", secretAccessKey: "x"))
        let unknownError = try await #require(throws: AWSError.self) {
            try await STSClient(runtime: unknown).getCallerIdentity()
        }
        #expect(unknownError.code == "InvalidClientTokenId")
    }

    @Test("AssumeRole returns temporary credentials that moto accepts")
    func assumeRole() async throws {
        let server = try MotoServer.require()
        let runtime = try await SandboxAccount.makeSignedRuntime(server: server)
        let iam = IAMClient(runtime: runtime)
        let trust =
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}"#
        let role = try await iam.createRole(name: "labguide-assumed", assumeRolePolicyDocument: trust)
        let assumed = try await STSClient(runtime: runtime).assumeRole(roleARN: role.arn, sessionName: "test-session")
        #expect(assumed.credentials.sessionToken != nil)
        #expect(assumed.credentials.expiration != nil)
        #expect(assumed.assumedRoleARN.contains("labguide-assumed/test-session"))
    }
}
