import BreakerSimulator
public import Hummingbird
import NIOCore

/// The breaker simulator's JSON API: the preset list and simulation runs (mounted at `/api/v1/simulations`).
///
/// Everything that can be refused is refused before a run starts, on the request's task: the JSON's shape, the
/// fields, the config, the work the run needs (``SimulationConfig/maximumSimulatedCalls``) and `includeCalls`.
/// The run itself goes to the ``SimulationPool``.
public struct SimulationController: Sendable {
    let pool: SimulationPool

    public init(pool: SimulationPool = SimulationPool()) {
        self.pool = pool
    }

    public func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("presets") { _, _ in SimulationController.listPresets() }
        group.post { request, context in try await run(request: request, context: context) }
    }

    /// `GET /presets`: every preset with its id, title, explanation and config.
    static func listPresets() -> [PresetResponse] {
        SimulationPreset.all.map(PresetResponse.init)
    }

    /// `POST /`: runs one simulation and answers the report, or 400 naming the field and its allowed range.
    func run(request: Request, context: AppRequestContext) async throws -> Response {
        // Like every JSON write: a cross-site form or a "simple" fetch cannot send this content type.
        try request.requireJSONContentType()
        let body = try await request.body.collect(upTo: SimulationRunRequest.maximumBodyBytes)
        let plan: SimulationPlan
        do {
            plan = try Simulator.prepare(try SimulationRunRequest.parse(body))
        } catch let error as SimulationConfigError {
            throw HTTPError(.badRequest, message: error.message)
        }
        let presence = await context.clientPresence()
        let report: SimulationReport?
        do {
            report = try await pool.run(plan, isClientGone: { presence?.isGone ?? false })
        } catch let error as SimulationConfigError {
            throw HTTPError(.badRequest, message: error.message)
        }
        guard let report else {
            // The client went away; nobody reads this.
            throw HTTPError(.serviceUnavailable, message: "The run was stopped: its client went away.")
        }
        let data = try report.makeJSONData()
        return Response(
            status: .ok,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
