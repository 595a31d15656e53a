import AWSClient
import Foundation
import Testing

@Suite("Configuration: files, region, profiles, endpoints, retry settings")
struct ConfigurationTests {
    @Test("config and credentials files merge per profile; credentials win")
    func profilesMerge() throws {
        let home = try TemporaryHome(
            config: """
                [default]
                region = eu-west-1
                # a comment
                [profile dev]
                region = us-west-2 ; inline comment
                s3 =
                  max_concurrent_requests = 20
                """,
            credentials: "[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = devsecret\n")
        let configuration = try AWSConfiguration.resolve(
            environment: AWSEnvironment(["HOME": home.path, "AWS_PROFILE": "dev"]))
        #expect(configuration.profileName == "dev")
        #expect(configuration.region == "us-west-2")
        #expect(configuration.regionSource == "profile dev")
        #expect(configuration.profile?["aws_access_key_id"] == "AKIDDEV")
        #expect(configuration.profile?["s3.max_concurrent_requests"] == "20")
    }

    @Test("files set to /dev/null, as the sandbox's shell lines do, read as empty files")
    func devNullFiles() throws {
        let configuration = try AWSConfiguration.resolve(
            environment: AWSEnvironment([
                "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null", "AWS_REGION": "eu-west-1",
            ]))
        #expect(configuration.profile == nil)
        #expect(configuration.region == "eu-west-1")
    }

    @Test("region: AWS_REGION, then AWS_DEFAULT_REGION, then the profile; an explicit value wins")
    func regionOrder() throws {
        let home = try TemporaryHome(config: "[default]\nregion = eu-west-1\n")
        func region(_ values: [String: String], explicit: String? = nil) throws -> String? {
            var environment = values
            environment["HOME"] = home.path
            return try AWSConfiguration.resolve(environment: AWSEnvironment(environment), region: explicit).region
        }
        #expect(try region([:]) == "eu-west-1")
        #expect(try region(["AWS_DEFAULT_REGION": "ap-south-1"]) == "ap-south-1")
        #expect(try region(["AWS_DEFAULT_REGION": "ap-south-1", "AWS_REGION": "ca-central-1"]) == "ca-central-1")
        #expect(try region(["AWS_REGION": "ca-central-1"], explicit: "sa-east-1") == "sa-east-1")
    }

    @Test("a malformed file gives path:line: message")
    func malformedFile() throws {
        let home = try TemporaryHome(config: "[default]\nregion = x\n[profile broken\n")
        let error = try #require(throws: AWSError.self) {
            try AWSConfiguration.resolve(environment: AWSEnvironment(["HOME": home.path]))
        }
        #expect(error.kind == .invalidConfiguration)
        #expect(error.description == "\(home.path)/.aws/config:3: section header is missing its closing ']'")
        let noSection = try TemporaryHome(credentials: "aws_access_key_id = x\n")
        let second = try #require(throws: AWSError.self) {
            try AWSConfiguration.resolve(environment: AWSEnvironment(["HOME": noSection.path]))
        }
        #expect(second.description.hasPrefix("\(noSection.path)/.aws/credentials:1: "))
    }

    @Test("an unknown profile is one line naming it and the known ones")
    func unknownProfile() throws {
        let home = try TemporaryHome(config: "[default]\n[profile dev]\n")
        let error = try #require(throws: AWSError.self) {
            try AWSConfiguration.resolve(environment: AWSEnvironment(["HOME": home.path, "AWS_PROFILE": "prod"]))
        }
        #expect(error.description.contains("profile 'prod' not found"))
        #expect(error.description.contains("known profiles: default, dev"))
        #expect(!error.description.contains("\n"))
    }

    @Test("endpoints: service variable, then AWS_ENDPOINT_URL, then the profile, then AWS; ignore switch")
    func endpointOrder() throws {
        let home = try TemporaryHome(config: "[default]\nendpoint_url = http://profile.local:4566\n")
        func endpoint(_ values: [String: String], _ service: ServiceDescriptor = .appMesh) throws -> String {
            var environment = values
            environment["HOME"] = home.path
            let configuration = try AWSConfiguration.resolve(environment: AWSEnvironment(environment))
            return try EndpointResolver(configuration: configuration).resolve(service, region: "eu-west-1").url.absoluteString
        }
        #expect(ServiceDescriptor.appMesh.endpointEnvironmentKey == "AWS_ENDPOINT_URL_APP_MESH")
        #expect(ServiceDescriptor.cloudMap.endpointEnvironmentKey == "AWS_ENDPOINT_URL_SERVICEDISCOVERY")
        #expect(ServiceDescriptor.vpcLattice.endpointEnvironmentKey == "AWS_ENDPOINT_URL_VPC_LATTICE")
        #expect(try endpoint([:]) == "http://profile.local:4566")
        #expect(try endpoint(["AWS_ENDPOINT_URL": "http://all.local:5000"]) == "http://all.local:5000")
        #expect(
            try endpoint(["AWS_ENDPOINT_URL": "http://all.local:5000", "AWS_ENDPOINT_URL_APP_MESH": "http://mesh.local:1"])
                == "http://mesh.local:1")
        #expect(
            try endpoint(["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true", "AWS_ENDPOINT_URL": "http://x:1"])
                == "https://appmesh.eu-west-1.amazonaws.com")
        #expect(try endpoint(["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"], .iam) == "https://iam.amazonaws.com")
    }

    @Test("an endpoint URL that is not a URL is one line naming the setting")
    func invalidEndpoint() throws {
        let configuration = try AWSConfiguration.resolve(
            environment: AWSEnvironment(["HOME": "/nonexistent", "AWS_ENDPOINT_URL_SQS": "localhost:4566"]))
        let error = try #require(throws: AWSError.self) {
            try EndpointResolver(configuration: configuration).resolve(.sqs, region: "us-east-1")
        }
        #expect(error.description == "AWS_ENDPOINT_URL_SQS is not an http(s) URL: 'localhost:4566'")
    }

    @Test("AWS_MAX_ATTEMPTS and AWS_RETRY_MODE override the defaults; bad values are named")
    func retrySettings() throws {
        func resolve(_ values: [String: String]) throws -> AWSConfiguration {
            var environment = values
            environment["HOME"] = "/nonexistent"
            return try AWSConfiguration.resolve(environment: AWSEnvironment(environment))
        }
        #expect(try resolve([:]).maxAttempts == 3)
        #expect(try resolve([:]).retryMode == .standard)
        #expect(try resolve(["AWS_MAX_ATTEMPTS": "7"]).maxAttempts == 7)
        #expect(try resolve(["AWS_RETRY_MODE": "legacy"]).maxAttempts == 5)
        #expect(try resolve(["AWS_RETRY_MODE": "adaptive"]).retryMode == .adaptive)
        #expect(throws: AWSError.self) { try resolve(["AWS_MAX_ATTEMPTS": "zero"]) }
        let error = try #require(throws: AWSError.self) { try resolve(["AWS_RETRY_MODE": "eager"]) }
        #expect(error.description.contains("'eager'"))
    }

    @Test("no region anywhere is one line saying how to set it")
    func missingRegion() throws {
        let configuration = try AWSConfiguration.resolve(environment: AWSEnvironment(["HOME": "/nonexistent"]))
        let error = try #require(throws: AWSError.self) {
            try AWSRuntime(
                configuration: configuration,
                credentialProvider: StaticCredentialProvider(AWSCredentials(accessKeyID: "a", secretAccessKey: "b")))
        }
        #expect(error.description.hasPrefix("no AWS region set: set AWS_REGION"))
    }
}
