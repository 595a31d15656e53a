public import Logging
public import ServiceLifecycle

/// The job workers as a `Service` of the server's `ServiceGroup`.
///
/// On graceful shutdown (SIGTERM) it stops claiming, lets running jobs finish for the grace period, then gives
/// their leases back so the next start runs them at once.
public struct JobWorkerService: Service {
    let queue: JobQueue
    let registry: JobRegistry
    let configuration: JobWorkerConfiguration
    let logger: Logger

    public init(
        queue: JobQueue, registry: JobRegistry, configuration: JobWorkerConfiguration = JobWorkerConfiguration(),
        logger: Logger
    ) {
        self.queue = queue
        self.registry = registry
        self.configuration = configuration
        self.logger = logger
    }

    public func run() async throws {
        let worker = JobWorker(
            queue: queue, registry: registry, configuration: configuration, logger: logger, role: "worker")
        logger.info(
            "Job workers started",
            metadata: ["job.workers": "\(configuration.workerCount)", "job.kinds": "\(registry.names.joined(separator: ","))"])
        await withGracefulShutdownHandler {
            await worker.run()
        } onGracefulShutdown: {
            worker.beginShutdown()
        }
        logger.info("Job workers stopped")
    }
}
