import Hummingbird
import Prometheus

/// `GET /metrics`: the Prometheus text exposition of the registry the server was built with.
struct MetricsController {
    let registry: PrometheusCollectorRegistry
    /// Brings sampled figures (jobs by state) up to date just before a scrape.
    let refresh: @Sendable () async -> Void

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("metrics") { _, _ -> Response in
            await refresh()
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
    }
}
