import AWSClient
import Foundation
import MotoTestSupport
import Testing

/// The logic behind `labguide aws whoami` and `labguide aws doctor`, against moto and against a closed port.
@Suite("whoami and doctor reports", .serialized, .motoServer(signatureChecking: false))
struct DiagnosticsTests {
    @Test("the identity report names account, ARN, region, endpoint and source, but not the secret")
    func identityReport() async throws {
        let server = try MotoServer.require()
        let configuration = try AWSConfiguration.resolve(
            environment: SandboxAccount.makeEnvironment(
                endpoint: server.endpoint,
                extra: ["AWS_ACCESS_KEY_ID": "AKIAWHOAMITEST0000", "AWS_SECRET_ACCESS_KEY": "whoami-secret-value"]))
        let report = try await IdentityReport.make(runtime: AWSRuntime.make(configuration: configuration))
        #expect(report.account == "123456789012")
        #expect(report.lines.contains("Region:      us-east-1 (from AWS_REGION)"))
        #expect(report.lines.contains("Endpoint:    \(server.endpoint.absoluteString) (from AWS_ENDPOINT_URL)"))
        #expect(report.lines.contains("Credentials: environment (access key AKIA…0000)"))
        #expect(!report.lines.joined().contains("whoami-secret-value"))
    }

    @Test("doctor: every lab service reachable and authorised on moto, which it recognises as an emulator")
    func doctorOnMoto() async throws {
        let runtime = try await SandboxAccount.makeSignedRuntime(server: MotoServer.require())
        let results = await EndpointDoctor(runtime: runtime).run()
        #expect(
            results.map(\.name) == [
                "STS", "SQS", "SNS", "App Mesh", "Cloud Map", "ECS", "Lambda", "DynamoDB", "CloudWatch", "X-Ray", "IAM",
                "Resource Groups Tagging",
            ])
        for result in results {
            #expect(result.isReachable && result.isAuthorized == true, "\(result.name): \(result.detail ?? "")")
        }
        #expect(EndpointDoctor.describeTarget(results: results, account: "123456789012").hasPrefix("an emulator"))
    }

    @Test("doctor against a closed port says unreachable for each service, quickly")
    func doctorOnDeadEndpoint() async throws {
        let port = try FreePort.make()
        let configuration = try AWSConfiguration.resolve(
            environment: SandboxAccount.makeEnvironment(
                endpoint: URL(string: "http://127.0.0.1:\(port)")!, extra: ["AWS_MAX_ATTEMPTS": "1"]))
        let runtime = try AWSRuntime(
            configuration: configuration,
            credentialProvider: StaticCredentialProvider(AWSCredentials(accessKeyID: "AKIDDEAD", secretAccessKey: "s")))
        let results = await EndpointDoctor(runtime: runtime).run()
        #expect(results.count == 12)
        #expect(results.allSatisfy { !$0.isReachable && $0.isAuthorized == nil })
        #expect(results.first?.detail == "connection refused")
        #expect(results.first?.line(nameWidth: 4, endpointWidth: 10).contains("unreachable") == true)
    }
}
