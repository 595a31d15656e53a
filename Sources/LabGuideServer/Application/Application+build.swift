import Foundation
public import Hummingbird
import LabJobs
public import Logging

/// Builds the LabGuide HTTP application; `labguide serve` runs it inside a `ServiceGroup`.
///
/// Throws when a page cannot be prepared from its template, so a broken template stops start-up, not a request.
public func buildApplication(
    configuration: AppConfiguration, dependencies: AppDependencies, logger: Logger
) throws -> some ApplicationProtocol {
    let (router, stepPages) = try makeRouter(configuration: configuration, dependencies: dependencies)
    let serverName = "LabGuide"
    let (headerReadTimeout, idleTimeout) = (configuration.headerReadTimeout, configuration.idleTimeout)
    return Application(
        router: router,
        server: .http1(
            // `ConnectionGuardHandler` comes first, so its deadlines cover the pages answered from memory too.
            configuration: .init(additionalChannelHandlers: [
                ConnectionGuardHandler(headerReadTimeout: headerReadTimeout, idleTimeout: idleTimeout),
                InMemoryStepPageHandler(pages: stepPages, serverName: serverName),
            ])),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: serverName),
        logger: logger)
}

/// All routes and middleware, separate from the server so tests can drive it without a socket.
public func buildRouter(configuration: AppConfiguration, dependencies: AppDependencies) throws -> Router<AppRequestContext> {
    try makeRouter(configuration: configuration, dependencies: dependencies).router
}

/// The router, and the step pages' controller that `InMemoryStepPageHandler` also answers from.
func makeRouter(
    configuration: AppConfiguration, dependencies: AppDependencies
) throws -> (router: Router<AppRequestContext>, stepPages: LabPagesController) {
    let database = dependencies.database
    let csrf = CSRFProtection(usesSecureCookies: configuration.usesSecureCookies)
    let lookup = LabLookup(
        library: dependencies.labs, configuration: configuration, targets: dependencies.learnerTargets)
    let registration = LearnerRegistration(
        database: database, sessionLifetime: configuration.sessionLifetime,
        rateLimiter: RateLimiter(
            configuration: .init(burst: configuration.joinBurst, perMinute: configuration.joinsPerMinute)))

    // HEAD answers as GET does, without the body (Hummingbird's router otherwise matches HEAD only where a route
    // registers it, and pages answered 404).
    let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.addMiddleware {
        // Outermost, so every routed answer carries them, error pages included.
        SecurityHeadersMiddleware<AppRequestContext>()
        ErrorPageMiddleware(renderer: dependencies.renderer, csrf: csrf)
        RequestTargetMiddleware<AppRequestContext>()
        SessionMiddleware(database: database)
    }

    PublicFilesController(directory: configuration.publicDirectory.path).addRoutes(to: router)
    HealthController(database: database).addRoutes(to: router)
    SessionController(registration: registration, database: database, usesSecureCookies: configuration.usesSecureCookies)
        .addRoutes(to: router.group("api/v1/session"))
    LabAPIController(lookup: lookup, database: database).addRoutes(to: router.group("api/v1/labs"))
    LabJobsController(lookup: lookup, jobs: dependencies.jobs, csrf: csrf)
        .addRoutes(api: router.group("api/v1/labs"), pages: router)
    HomeController(
        lookup: lookup, database: database, registration: registration, renderer: dependencies.renderer, csrf: csrf,
        usesSecureCookies: configuration.usesSecureCookies
    ).addRoutes(to: router)
    let stepPages = try StepPages(
        library: dependencies.labs, renderer: dependencies.renderer,
        sample: { lab in lookup.sampleVariables(in: lab) },
        embedsSimulator: { step, lab in lookup.embedsSimulator(step, in: lab) })
    let labPages = LabPagesController(
        lookup: lookup, database: database, renderer: dependencies.renderer, stepPages: stepPages, csrf: csrf,
        viewRecorder: StepViewRecorder(database: database), jobs: dependencies.jobs)
    labPages.addRoutes(to: router)
    LabAssetController(library: dependencies.labs).addRoutes(to: router)
    StaticPagesController(renderer: dependencies.renderer, csrf: csrf).addRoutes(to: router)
    SimulationController(pool: SimulationPool(configuration: configuration.simulationPool)).addRoutes(
        to: router.group("api/v1/simulations"))
    SandboxController(target: dependencies.target, lookup: lookup, renderer: dependencies.renderer, csrf: csrf)
        .addRoutes(to: router)
    JobsAPIController(jobs: dependencies.jobs).addRoutes(to: router.group("api/v1/jobs"))
    addInstructorRoutes(to: router, configuration: configuration, dependencies: dependencies, csrf: csrf)
    ClassEventsController(lookup: lookup, database: database).addRoutes(to: router.group("api/v1/labs"))
    VerifyController(
        lookup: lookup, database: database, requests: VerifyRequests(queue: dependencies.jobs),
        limiter: VerifyController.makeLimiter(
            burst: configuration.verifyBurst, perMinute: configuration.verifiesPerMinute), renderer: dependencies.renderer,
        csrf: csrf
    ).addRoutes(api: router.group("api/v1"), pages: router)
    let jobs = dependencies.jobs
    MetricsController(registry: dependencies.metrics, refresh: { await jobs.metrics?.refresh(from: jobs.database) })
        .addRoutes(to: router)
    return (router, labPages)
}
