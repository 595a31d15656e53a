import Foundation
import Hummingbird

/// The instructor's pages and API, each behind the same gate; only the two sign-in routes are open.
func addInstructorRoutes(
    to router: Router<AppRequestContext>, configuration: AppConfiguration, dependencies: AppDependencies,
    csrf: CSRFProtection
) {
    let now: @Sendable () -> Date = { Date() }
    let database = dependencies.database
    let access = InstructorAccess(
        database: database, throttle: WrongKeyThrottle(), usesSecureCookies: configuration.usesSecureCookies, now: now)
    let gate = InstructorGate(access: access)
    let instructor = InstructorContext(
        database: database, labs: dependencies.labs, jobs: dependencies.jobs,
        loader: ClassBoardLoader(database: database, rule: StuckRule(), now: now), access: access, now: now)
    let health = InstructorHealth(
        target: dependencies.target, learnerTargets: dependencies.learnerTargets, database: database,
        region: configuration.region, now: now)
    InstructorPagesController(instructor: instructor, renderer: dependencies.renderer, csrf: csrf, health: health)
        .addRoutes(to: router, gate: gate)
    InstructorAPIController(instructor: instructor, health: health).addRoutes(to: router, gate: gate)
    InstructorActionsController(instructor: instructor)
        .addRoutes(to: router.group("api/v1/instructor").add(middleware: gate))
}
