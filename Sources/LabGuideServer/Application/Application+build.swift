import Foundation
public import Hummingbird
public import Logging

/// Builds the LabGuide HTTP application; `labguide serve` runs it inside a `ServiceGroup`.
public func buildApplication(
    configuration: AppConfiguration, dependencies: AppDependencies, logger: Logger
) -> some ApplicationProtocol {
    Application(
        router: buildRouter(configuration: configuration, dependencies: dependencies),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "LabGuide"),
        logger: logger)
}

/// All routes and middleware, separate from the server so tests can drive it without a socket.
public func buildRouter(configuration: AppConfiguration, dependencies: AppDependencies) -> Router<AppRequestContext> {
    let database = dependencies.database
    let csrf = CSRFProtection(usesSecureCookies: configuration.usesSecureCookies)
    let lookup = LabLookup(library: dependencies.labs, configuration: configuration)
    let registration = LearnerRegistration(database: database, sessionLifetime: configuration.sessionLifetime)

    let router = Router(context: AppRequestContext.self)
    router.addMiddleware {
        ErrorPageMiddleware(renderer: dependencies.renderer, csrf: csrf)
        PublicFilesMiddleware(directory: configuration.publicDirectory.path)
        SessionMiddleware(database: database)
    }

    HealthController(database: database).addRoutes(to: router)
    SessionController(registration: registration, database: database, usesSecureCookies: configuration.usesSecureCookies)
        .addRoutes(to: router.group("api/v1/session"))
    LabAPIController(lookup: lookup, database: database).addRoutes(to: router.group("api/v1/labs"))
    HomeController(
        lookup: lookup, database: database, registration: registration, renderer: dependencies.renderer, csrf: csrf,
        usesSecureCookies: configuration.usesSecureCookies
    ).addRoutes(to: router)
    LabPagesController(
        lookup: lookup, database: database, renderer: dependencies.renderer, csrf: csrf,
        viewRecorder: StepViewRecorder(database: database)
    ).addRoutes(to: router)
    LabAssetController(library: dependencies.labs).addRoutes(to: router)
    StaticPagesController(renderer: dependencies.renderer, csrf: csrf).addRoutes(to: router)
    SimulationController().addRoutes(to: router.group("api/v1/simulations"))
    return router
}
