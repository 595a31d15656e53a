public import Foundation

/// Settings that shape the running server, gathered by the CLI from flags and `LABGUIDE_*` variables.
public struct AppConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The AWS region learners' commands are rendered with.
    public var region: String
    /// The AWS account id once known (always known for the sandbox); commands show a placeholder until then.
    public var accountID: String?
    /// Where `Public/` and `Templates/` live; the working directory by default.
    public var resourcesDirectory: URL
    /// Marks cookies `Secure`: set when the server sits behind HTTPS.
    public var usesSecureCookies: Bool
    /// How long a learner stays signed in on one browser.
    public var sessionLifetime: Duration
    /// How long a request's head may take to arrive, from its first byte.
    public var headerReadTimeout: Duration
    /// How long a connection may sit with nothing to do: between requests, or between parts of a body.
    public var idleTimeout: Duration
    /// Joins each client address may make at once, and per minute after that.
    public var joinBurst: Int
    public var joinsPerMinute: Int
    /// Verify runs each learner may start at once, and per minute after that (see `VerifyController`).
    public var verifyBurst = 10
    public var verifiesPerMinute = 20
    /// Where simulation runs go (`POST /api/v1/simulations`).
    public var simulationPool: SimulationPool.Configuration

    public init(
        host: String = "127.0.0.1", port: Int = 8080, region: String = "us-east-1", accountID: String? = nil,
        resourcesDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        usesSecureCookies: Bool = false, sessionLifetime: Duration = .seconds(30 * 24 * 3600),
        headerReadTimeout: Duration = .seconds(10), idleTimeout: Duration = .seconds(15), joinBurst: Int = 60,
        joinsPerMinute: Int = 30, simulationPool: SimulationPool.Configuration = .init()
    ) {
        self.headerReadTimeout = headerReadTimeout
        self.idleTimeout = idleTimeout
        self.joinBurst = joinBurst
        self.joinsPerMinute = joinsPerMinute
        self.simulationPool = simulationPool
        self.host = host
        self.port = port
        self.region = region
        self.accountID = accountID
        self.resourcesDirectory = resourcesDirectory
        self.usesSecureCookies = usesSecureCookies
        self.sessionLifetime = sessionLifetime
    }

    var publicDirectory: URL { resourcesDirectory.appendingPathComponent("Public") }
    var templatesDirectory: URL { resourcesDirectory.appendingPathComponent("Templates") }
}
