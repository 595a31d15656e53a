import AWSClient
import ArgumentParser
import Foundation
import Hummingbird
import LabContent
import LabGuideServer
import LabJobs
import LabSandbox
import LabStore
import Logging
import Prometheus
import ServiceLifecycle
import UnixSignals

/// `labguide serve`: loads the labs, opens the database, and serves HTTP until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the labs over HTTP.",
        discussion: "Every option also reads LABGUIDE_<OPTION>, e.g. LABGUIDE_PORT=9000.")

    @Option(help: "Address to listen on.")
    var host: String = environment("HOST") ?? "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port: Int = environment("PORT").flatMap(Int.init) ?? 8080

    @Option(help: "SQLite database file; created if missing.")
    var database: String = environment("DATABASE") ?? "labguide.sqlite"

    @Option(help: "Folder holding one folder per lab.")
    var labs: String = environment("LABS") ?? "labs"

    @Option(help: "Folder holding Public/ and Templates/.")
    var resources: String = environment("RESOURCES") ?? "."

    @Option(help: "AWS region the commands are written for (default: AWS_REGION, AWS_DEFAULT_REGION, us-east-1).")
    var region: String =
        environment("REGION") ?? ProcessInfo.processInfo.environment["AWS_REGION"]
        ?? ProcessInfo.processInfo.environment["AWS_DEFAULT_REGION"] ?? "us-east-1"

    @Option(help: "AWS account id to fill into ARNs; shown as ACCOUNT_ID until known.")
    var accountId: String? = environment("ACCOUNT_ID")

    @Flag(help: "Run the local AWS sandbox (moto) with one emulated account per learner.")
    var sandbox: Bool = environment("SANDBOX") == "true"

    @Option(help: "Port of the sandbox endpoint learners' shells use (default: the web port + 1).")
    var sandboxPort: Int? = environment("SANDBOX_PORT").flatMap(Int.init)

    @Option(
        help:
            "Host name learners' machines reach this server by, for the sandbox endpoint (default: the --host, or this machine's name when --host is 0.0.0.0)."
    )
    var publicHost: String? = environment("PUBLIC_HOST")

    @Option(help: ArgumentHelp("Seconds a job's lease lasts before another worker may rescue it.", visibility: .hidden))
    var jobLeaseSeconds: Int = environment("JOB_LEASE_SECONDS").flatMap(Int.init) ?? 30

    @Option(help: "The instructor's key (default: generated on the first start and printed once as a sign-in link).")
    var instructorKey: String? = environment("INSTRUCTOR_KEY")

    @Flag(help: "Mark cookies Secure (use behind HTTPS).")
    var secureCookies: Bool = environment("SECURE_COOKIES") == "true"

    @Option(help: "Log level: trace, debug, info, notice, warning, error.")
    var logLevel: String = environment("LOG_LEVEL") ?? "info"

    func run() async throws {
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw CommandFailure("unknown log level \(logLevel): use trace, debug, info, notice, warning or error")
        }
        var logger = Logger(label: "labguide") { ConsoleLogHandler(label: $0) }
        logger.logLevel = level
        let library = try loadLabsOrExit(from: labs)
        let appDatabase = try openDatabaseOrExit(atPath: database)
        let resourcesURL = URL(fileURLWithPath: resources)
        let renderer: PageRenderer
        do {
            renderer = try await PageRenderer.load(from: resourcesURL.appendingPathComponent("Templates"))
        } catch {
            throw CommandFailure("cannot load templates from \(resources)/Templates: \(error)")
        }
        let (target, sandboxServices) = try makeTarget(logger: logger)
        let configuration = AppConfiguration(
            host: host, port: port, region: region, accountID: accountId, resourcesDirectory: resourcesURL,
            usesSecureCookies: secureCookies)
        let learnerTargets = try makeLearnerTargets(target)
        var registry = JobRegistry()
        registry.register(NoopJob())
        registry.registerLabJobs(database: appDatabase, labs: library, targets: learnerTargets)
        let metrics = JobMetrics(registry: PrometheusCollectorRegistry())
        let jobs = JobQueue(database: appDatabase, registry: registry, metrics: metrics)
        let application = try preparingPages {
            try buildApplication(
                configuration: configuration,
                dependencies: AppDependencies(
                    database: appDatabase, labs: library, renderer: renderer.showingTarget(target, region: region),
                    target: target, learnerTargets: learnerTargets, jobs: jobs, metrics: metrics.registry),
                logger: logger)
        }
        let workers = JobWorkerService(
            queue: jobs, registry: registry,
            configuration: JobWorkerConfiguration(leaseDuration: .seconds(max(1, jobLeaseSeconds))), logger: logger)
        let reachableHost = ["0.0.0.0", "::", ""].contains(host) ? (publicHost ?? "127.0.0.1") : host
        if let line = try await InstructorKeySetup.prepare(
            store: appDatabase, configuredKey: instructorKey, baseURL: "http://\(reachableHost):\(port)")
        {
            // Printed, not logged: the console shows the link once, and log files never hold it.
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
        logger.info(
            "Serving labs",
            metadata: ["http.address": "http://\(host):\(port)", "labs.count": "\(library.labs.count)", "db.path": "\(database)"])
        let services = ServiceGroup(
            configuration: .init(
                services: sandboxServices + [application, workers], gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        try await services.run()
    }

    /// The sandbox and its services, or a real account; a missing `moto_server` is one line, not a crash later.
    private func makeTarget(logger: Logger) throws -> (AWSTarget, [any Service]) {
        guard sandbox else { return (.account(id: accountId), []) }
        guard let moto = SandboxSettings.locate("moto_server") else {
            throw CommandFailure(
                "--sandbox needs moto_server: install it with `pip install 'moto[server]'` (make run does this)")
        }
        let settings = SandboxSettings(
            directory: SandboxSettings.directory(forDatabase: database), bindHost: host, port: sandboxPort ?? port + 1,
            publicHost: publicHost, motoExecutable: moto)
        do {
            let sandbox = try Sandbox(settings: settings, logger: logger)
            return (.sandbox(sandbox), sandbox.makeServices(logger: logger, warmUp: Self.warmUp(logger: logger)))
        } catch {
            throw CommandFailure("cannot prepare the sandbox in \(settings.directory.path): \(error.localizedDescription)")
        }
    }

    /// One cheap call to every service the lab uses, in an account no learner has, so that moto has loaded each
    /// service's code before the first learner's Verify needs it.
    private static func warmUp(logger: Logger) -> @Sendable (URL) async -> Void {
        { endpoint in
            guard var configuration = try? AWSConfiguration.resolve(environment: AWSEnvironment([:]), region: "us-east-1")
            else { return }
            configuration.globalEndpointOverride = endpoint
            let credentials = AWSCredentials(accessKeyID: "LGWARMUP", secretAccessKey: "warm-up")
            guard
                let runtime = try? AWSRuntime(
                    configuration: configuration, credentialProvider: StaticCredentialProvider(credentials),
                    region: "us-east-1", logger: logger)
            else { return }
            let started = ContinuousClock.now
            let results = await EndpointDoctor(runtime: runtime).run()
            logger.debug(
                "Sandbox warmed up",
                metadata: [
                    "sandbox.services": "\(results.count { $0.isReachable })",
                    "sandbox.warmUpSeconds": "\(started.duration(to: .now))",
                ])
        }
    }

    /// Where jobs send each learner's calls: the sandbox over loopback, or the account of the standard chain.
    ///
    /// On a real account a missing configuration is not fatal: pages still serve, and a job says what is missing.
    private func makeLearnerTargets(_ target: AWSTarget) throws -> LearnerTargets {
        if let sandbox = target.sandbox {
            let settings = sandbox.settings
            let host = ["0.0.0.0", "::", ""].contains(settings.bindHost) ? "127.0.0.1" : settings.bindHost
            let local = URL(string: "http://\(host.contains(":") ? "[\(host)]" : host):\(settings.port)")!
            return LearnerTargets(
                target: .sandbox(endpoint: local, publicEndpoint: settings.publicEndpoint, keyring: sandbox.keyring),
                region: region)
        }
        let runtime = try? AWSRuntime.make(configuration: try AWSConfiguration.resolve(region: region))
        return LearnerTargets(target: .account(runtime, accountID: accountId), region: region)
    }

    /// Pages are prepared from the templates at start-up; a failure there is one line, not a stack of errors.
    private func preparingPages<Application>(_ build: () throws -> Application) throws -> Application {
        do {
            return try build()
        } catch {
            throw CommandFailure("cannot prepare the pages from \(resources)/Templates: \(error)")
        }
    }
}

/// Reads `LABGUIDE_<NAME>` so every flag can come from the environment (containers, systemd units).
func environment(_ name: String) -> String? {
    ProcessInfo.processInfo.environment["LABGUIDE_\(name)"].flatMap { $0.isEmpty ? nil : $0 }
}
