/// The observer of every check in `CheckCatalog`: reads the learner's account and decides passed or failed.
///
/// Observers are read-only, except `messaging.fan-out`, which publishes one probe and removes its own probe
/// messages. An AWS answer that means "not found" is the learner's to fix (`failed`); anything else an observer
/// throws, and the runner reports it as `error`.
enum CheckObservers {
    static func observe(_ check: RenderedCheck, in environment: CheckEnvironment) async throws -> CheckOutcome {
        switch check.name {
        case "appmesh.mesh": try await MeshObservers.mesh(check, in: environment)
        case "appmesh.virtual-node": try await MeshObservers.virtualNode(check, in: environment)
        case "appmesh.virtual-router": try await MeshObservers.virtualRouter(check, in: environment)
        case "appmesh.route": try await MeshObservers.route(check, in: environment)
        case "appmesh.virtual-service": try await MeshObservers.virtualService(check, in: environment)
        case "servicediscovery.namespace": try await DiscoveryObservers.namespace(check, in: environment)
        case "servicediscovery.service": try await DiscoveryObservers.service(check, in: environment)
        case "ecs.cluster": try await ComputeObservers.cluster(check, in: environment)
        case "ecs.service": try await ComputeObservers.service(check, in: environment)
        case "ecs.service-connect": try await ComputeObservers.serviceConnect(check, in: environment)
        case "sns.topic": try await TopicObservers.topic(check, in: environment)
        case "sns.subscription": try await TopicObservers.subscription(check, in: environment)
        case "sqs.queue": try await QueueObservers.queue(check, in: environment)
        case "sqs.dead-letter-queue": try await QueueObservers.deadLetterQueue(check, in: environment)
        case "messaging.fan-out": try await FanOutProbe.observe(check, in: environment)
        case "lambda.function": try await StateObservers.function(check, in: environment)
        case "dynamodb.table": try await StateObservers.table(check, in: environment)
        case "breaker.state": try await StateObservers.breakerState(check, in: environment)
        case "cloudwatch.alarm": try await MonitoringObservers.alarm(check, in: environment)
        case "cloudwatch.dashboard": try await MonitoringObservers.dashboard(check, in: environment)
        case "xray.traces": try await TraceObserver.observe(check, in: environment)
        case "cleanup.no-leftovers": try await CleanupObserver.observe(check, in: environment)
        default: .unsupported("LabGuide has no observer for the check '\(check.name)'.")
        }
    }

    /// Why the sandbox cannot answer a check, and what a real account is checked for.
    static func unsupportedReason(for check: RenderedCheck) -> String {
        let realAccount = "On a real AWS account Verify checks that \(check.summary)."
        switch check.name {
        case "appmesh.virtual-service":
            return "The sandbox emulator (moto) has no App Mesh virtual services: it keeps meshes, virtual nodes, routers "
                + "and routes, but answers every virtual service call with an error, so it cannot show what you created. "
                + realAccount + " (App Mesh ended on 30 September 2026: on a real account, follow the Service Connect steps.)"
        case "ecs.service-connect":
            return "The sandbox emulator (moto) accepts a service's serviceConnectConfiguration but does not keep it, so "
                + "every service looks as if it had no Service Connect. " + realAccount
                + " Verify reads the settings of the service's primary deployment: Service Connect enabled, its namespace "
                + "and its discovery names."
        default:
            return "The sandbox emulator cannot answer this check. " + realAccount
        }
    }
}
