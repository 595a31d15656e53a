import AWSClient
import Foundation
import Synchronization
import Testing

/// The standard chain with a temporary HOME and a loopback server standing in for STS, the container endpoint and
/// IMDS. Nothing leaves 127.0.0.1: instance metadata is either disabled or pointed at the stand-in.
@Suite("Credential chain", .serialized, .stubServer)
struct CredentialChainTests {
    static let credentialsDocument = #"""
        {"AccessKeyId":"ASIASTANDIN","SecretAccessKey":"standin-secret","Token":"standin-token","Expiration":"2099-01-01T00:00:00Z","Code":"Success"}
        """#

    func resolve(_ values: [String: String], home: TemporaryHome? = nil) throws -> AWSRuntime {
        var environment = values
        environment["HOME"] = home?.path ?? "/nonexistent-labguide-home"
        environment["AWS_REGION"] = environment["AWS_REGION"] ?? "us-east-1"
        if environment["AWS_EC2_METADATA_SERVICE_ENDPOINT"] == nil { environment["AWS_EC2_METADATA_DISABLED"] = "true" }
        return try AWSRuntime.make(configuration: AWSConfiguration.resolve(environment: AWSEnvironment(environment)))
    }

    @Test("environment variables come first")
    func environment() async throws {
        let home = try TemporaryHome(credentials: "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = f\n")
        let runtime = try resolve(
            ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "e", "AWS_SESSION_TOKEN": "t"], home: home)
        #expect(runtime.credentialSource == .environment)
        let credentials = try await runtime.credentialProvider.credentials()
        #expect(credentials.accessKeyID == "AKIDENV")
        #expect(credentials.sessionToken == "t")
    }

    @Test("a named profile's keys from the credentials file")
    func profileKeys() async throws {
        let home = try TemporaryHome(credentials: "[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = d\n")
        let runtime = try resolve(["AWS_PROFILE": "dev"], home: home)
        #expect(runtime.credentialSource.description == "profile dev")
        #expect(try await runtime.credentialProvider.credentials().accessKeyID == "AKIDDEV")
    }

    @Test("an assume-role profile calls STS AssumeRole signed with the source profile")
    func assumeRoleProfile() async throws {
        let server = try StubServer.require()
        let home = try TemporaryHome(
            config: "[profile app]\nrole_arn = arn:aws:iam::123456789012:role/app\nsource_profile = base\nregion = eu-west-1\n",
            credentials: "[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = base-secret\n")
        try await server.script([
            .respond(
                body: """
                    <AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIAASSUMED</AccessKeyId>\
                    <SecretAccessKey>assumed-secret</SecretAccessKey><SessionToken>assumed-token</SessionToken>\
                    <Expiration>2099-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser>\
                    <Arn>arn:aws:sts::123456789012:assumed-role/app/s</Arn><AssumedRoleId>AROA:s</AssumedRoleId>\
                    </AssumedRoleUser></AssumeRoleResult></AssumeRoleResponse>
                    """)
        ])
        let runtime = try resolve(
            ["AWS_PROFILE": "app", "AWS_ENDPOINT_URL_STS": server.endpoint.absoluteString, "AWS_REGION": ""], home: home)
        #expect(runtime.credentialSource.description == "assume role (profile app)")
        #expect(runtime.region == "eu-west-1")
        let credentials = try await runtime.credentialProvider.credentials()
        #expect(credentials.accessKeyID == "ASIAASSUMED")
        #expect(credentials.sessionToken == "assumed-token")
        let requests = try await server.receivedRequests()
        #expect(requests.count == 1)
        #expect(requests.first?.body.contains("Action=AssumeRole") == true)
        #expect(requests.first?.body.contains("RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fapp") == true)
        #expect(requests.first?.headers["authorization"]?.contains("Credential=AKIDBASE/") == true)
    }

    @Test("web identity: AssumeRoleWithWebIdentity, unsigned, with the token file's contents")
    func webIdentity() async throws {
        let server = try StubServer.require()
        let home = try TemporaryHome()
        let tokenFile = try home.write("eyJhbGciOiJSUzI1NiJ9.web-identity", to: "token")
        try await server.script([
            .respond(
                body: """
                    <AssumeRoleWithWebIdentityResponse><AssumeRoleWithWebIdentityResult><Credentials>\
                    <AccessKeyId>ASIAWEB</AccessKeyId><SecretAccessKey>web-secret</SecretAccessKey>\
                    <SessionToken>web-token</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>\
                    </AssumeRoleWithWebIdentityResult></AssumeRoleWithWebIdentityResponse>
                    """)
        ])
        let runtime = try resolve(
            [
                "AWS_ROLE_ARN": "arn:aws:iam::123456789012:role/web", "AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile,
                "AWS_ENDPOINT_URL_STS": server.endpoint.absoluteString,
            ], home: home)
        #expect(runtime.credentialSource == .webIdentity)
        #expect(try await runtime.credentialProvider.credentials().accessKeyID == "ASIAWEB")
        let request = try #require(try await server.receivedRequests().first)
        #expect(request.headers["authorization"] == nil)
        #expect(request.body.contains("WebIdentityToken=eyJhbGciOiJSUzI1NiJ9.web-identity"))
    }

    @Test("container credentials from the full URI with an authorization token")
    func container() async throws {
        let server = try StubServer.require()
        try await server.script([.respond(path: "/v2/credentials", body: Self.credentialsDocument)])
        let runtime = try resolve([
            "AWS_CONTAINER_CREDENTIALS_FULL_URI": server.endpoint.absoluteString + "/v2/credentials",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN": "container-auth",
        ])
        #expect(runtime.credentialSource == .container)
        let credentials = try await runtime.credentialProvider.credentials()
        #expect(credentials.accessKeyID == "ASIASTANDIN")
        #expect(credentials.expiration == ISO8601DateFormatter().date(from: "2099-01-01T00:00:00Z"))
        #expect(try await server.receivedRequests().first?.headers["authorization"] == "container-auth")
    }

    @Test("a full container URI on a non-loopback http host is refused")
    func containerHostChecked() throws {
        let error = try #require(throws: AWSError.self) {
            try resolve(["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://10.0.0.1/creds"])
        }
        #expect(error.kind == .invalidConfiguration)
    }

    @Test("EC2 instance metadata v2: token, role name, then credentials")
    func instanceMetadata() async throws {
        let server = try StubServer.require()
        let base = "/latest/meta-data/iam/security-credentials/"
        try await server.script([
            .respond(method: "PUT", path: "/latest/api/token", body: "imds-session-token"),
            .respond(method: "GET", path: base, body: "lab-role\n"),
            .respond(method: "GET", path: base + "lab-role", body: Self.credentialsDocument),
        ])
        let runtime = try resolve(["AWS_EC2_METADATA_SERVICE_ENDPOINT": server.endpoint.absoluteString])
        #expect(runtime.credentialSource == .instance)
        #expect(try await runtime.credentialProvider.credentials().secretAccessKey == "standin-secret")
        let requests = try await server.receivedRequests()
        #expect(requests.map(\.path) == ["/latest/api/token", base, base + "lab-role"])
        #expect(requests[0].headers["x-aws-ec2-metadata-token-ttl-seconds"] == "21600")
        #expect(requests[1].headers["x-aws-ec2-metadata-token"] == "imds-session-token")
    }

    @Test("no source at all is one line listing what was tried and how to set credentials")
    func noCredentials() throws {
        let error = try #require(throws: AWSError.self) { try resolve([:]) }
        #expect(error.kind == .noCredentials)
        #expect(error.description.contains("tried environment"))
        #expect(error.description.contains("EC2 instance metadata (disabled by AWS_EC2_METADATA_DISABLED)"))
        #expect(error.description.contains("Set AWS_ACCESS_KEY_ID"))
        #expect(!error.description.contains("\n"))
    }

    @Test("temporary credentials are refreshed before they expire, on an injected clock")
    func refreshBeforeExpiry() async throws {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let now = Mutex(start)
        let fetches = Mutex(0)
        let provider = RefreshingCredentialProvider(refreshMargin: 300, now: { now.withLock { $0 } }) {
            let count = fetches.withLock { value -> Int in
                value += 1
                return value
            }
            return AWSCredentials(
                accessKeyID: "ASIA\(count)", secretAccessKey: "s", sessionToken: "t",
                expiration: now.withLock { $0 }.addingTimeInterval(3600))
        }
        #expect(try await provider.credentials().accessKeyID == "ASIA1")
        now.withLock { $0 = start.addingTimeInterval(3000) }
        #expect(try await provider.credentials().accessKeyID == "ASIA1")
        now.withLock { $0 = start.addingTimeInterval(3301) }
        #expect(try await provider.credentials().accessKeyID == "ASIA2")
        #expect(fetches.withLock { $0 } == 2)
    }

    @Test("credentials that arrive already expired are refused with a clear message")
    func expiredOnArrival() async throws {
        let provider = RefreshingCredentialProvider(now: { Date(timeIntervalSince1970: 2_000_000_000) }) {
            AWSCredentials(
                accessKeyID: "ASIAOLD", secretAccessKey: "s", expiration: Date(timeIntervalSince1970: 1_000_000_000))
        }
        let error = try await #require(throws: AWSError.self) { try await provider.credentials() }
        #expect(error.description.contains("already expired"))
    }
}
