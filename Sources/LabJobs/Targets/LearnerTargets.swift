public import AWSClient
public import Foundation
public import LabChecks
public import LabContent
public import LabSandbox
public import LabStore

/// Where each learner's AWS calls go, the same for pages and jobs: the sandbox, where every learner has an account
/// and keys of their own, or one real account that the whole class shares (names kept apart by prefix).
///
/// Pages take their `{{accountId}}` and sandbox values from `builtins(for:)`, and jobs their runtime from
/// `account(for:labID:)`, so what a learner reads is what the jobs call.
public struct LearnerTargets: Sendable {
    public enum Target: Sendable {
        /// `endpoint` is how this process reaches the sandbox; `publicEndpoint` what learners' shells use.
        case sandbox(endpoint: URL, publicEndpoint: URL, keyring: SandboxKeyring)
        /// The standard credential chain's runtime (nil where none is configured: pages work, jobs say why not),
        /// and the account id once known.
        case account(AWSRuntime?, accountID: String?)
    }

    public let target: Target
    public let region: String
    /// One set of endpoint breakers for every learner's runtime: when the sandbox is down, the first calls open the
    /// breaker and the rest of the class fails fast instead of each waiting out its own timeouts.
    private let breakers: EndpointBreakers
    private let transport: any HTTPTransport

    /// A real account with nothing configured: what tests and pages that call no AWS use.
    public static func unconfigured(region: String, accountID: String? = nil) -> LearnerTargets {
        LearnerTargets(target: .account(nil, accountID: accountID), region: region)
    }

    public init(target: Target, region: String) {
        self.target = target
        self.region = region
        switch target {
        case .account(let runtime?, _):
            breakers = runtime.breakers
            transport = runtime.transport
        case .account(nil, _):
            breakers = EndpointBreakers()
            transport = AsyncHTTPClientTransport()
        case .sandbox:
            breakers = EndpointBreakers()
            transport = AsyncHTTPClientTransport()
        }
    }

    /// Every AWS endpoint's breaker as it stands, for the instructor's health panel.
    public func breakerSnapshots() -> [EndpointBreakers.Snapshot] {
        breakers.snapshots()
    }

    public var isSandbox: Bool {
        if case .sandbox = target { true } else { false }
    }

    /// The built-in variables of this learner's pages.
    public func builtins(for learner: Learner) -> [BuiltinVariable: String?] {
        var values: [BuiltinVariable: String?] = [
            .prefix: learner.resourcePrefix, .handle: learner.handle, .region: region,
        ]
        switch target {
        case .account(_, let accountID):
            values[.accountId] = accountID
        case .sandbox(_, let publicEndpoint, let keyring):
            let identity = keyring.identity(forLearnerID: learner.id ?? 0)
            values[.accountId] = identity.accountID
            values[.sandboxEndpoint] = publicEndpoint.absoluteString
            values[.sqsEndpoint] = publicEndpoint.absoluteString
            values[.sandboxAccessKeyId] = identity.accessKeyID
            values[.sandboxSecretAccessKey] = identity.secretAccessKey
        }
        return values
    }

    /// The learner's account as the provision and cleanup jobs use it.
    public func account(for learner: Learner, labID: String) throws -> LearnerAccount {
        switch target {
        case .account(nil, _):
            throw JobFailure.permanent(
                "no AWS account is configured for this server: set AWS_PROFILE or AWS_ACCESS_KEY_ID, or serve with --sandbox")
        case .account(let runtime?, let accountID):
            return try LearnerAccount(
                runtime: runtime, prefix: learner.resourcePrefix, handle: learner.handle, labID: labID,
                accountID: accountID ?? "", region: region)
        case .sandbox(let endpoint, _, let keyring):
            let identity = keyring.identity(forLearnerID: learner.id ?? 0)
            // An empty environment: nothing from this process's AWS_* settings or ~/.aws may redirect a sandbox call.
            var configuration = try AWSConfiguration.resolve(environment: AWSEnvironment([:]), region: region)
            configuration.globalEndpointOverride = endpoint
            let credentials = AWSCredentials(accessKeyID: identity.accessKeyID, secretAccessKey: identity.secretAccessKey)
            let runtime = try AWSRuntime(
                configuration: configuration, credentialProvider: StaticCredentialProvider(credentials),
                credentialSource: CredentialSource("LabGuide sandbox"), transport: transport, region: region,
                breakers: breakers)
            return try LearnerAccount(
                runtime: runtime, prefix: learner.resourcePrefix, handle: learner.handle, labID: labID,
                accountID: identity.accountID, region: region)
        }
    }
}
