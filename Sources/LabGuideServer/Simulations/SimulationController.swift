import BreakerSimulator
public import Hummingbird

/// The breaker simulator's JSON API: the preset list and simulation runs (mounted at `/api/v1/simulations`).
///
/// A run is CPU-bound and synchronous: it executes on Swift's cooperative thread pool, where route handlers
/// run, never on a NIO event loop, and the config's cap of 5 million offered requests bounds it to about a
/// second of one core (60 s at 200 requests/s takes about 2 ms).
public struct SimulationController: Sendable {
    public init() {}

    public func addRoutes(to group: RouterGroup<some RequestContext>) {
        group.get("presets") { _, _ in SimulationController.listPresets() }
        group.post { request, context in try await SimulationController.run(request: request, context: context) }
    }

    /// `GET /presets`: every preset with its id, title, explanation and config.
    static func listPresets() -> [PresetResponse] {
        SimulationPreset.all.map(PresetResponse.init)
    }

    /// `POST /`: runs one simulation and answers the report, or 400 naming the field and its allowed range.
    static func run(request: Request, context: some RequestContext) async throws -> Response {
        if let contentType = request.headers[.contentType], !contentType.lowercased().hasPrefix("application/json") {
            throw HTTPError(.unsupportedMediaType, message: "Content-Type must be application/json")
        }
        let body = try await request.body.collect(upTo: SimulationRunRequest.maximumBodyBytes)
        let simulationRequest = try SimulationRunRequest.parse(body)
        let report: SimulationReport
        do {
            report = try Simulator.run(simulationRequest)
        } catch {
            throw HTTPError(.badRequest, message: error.message)
        }
        let data = try report.makeJSONData()
        return Response(
            status: .ok,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
