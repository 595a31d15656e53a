import AWSClient
import Foundation
import Hummingbird
import LabJobs
import LabSandbox
import LabStore
import Resilience

/// `GET /api/v1/instructor/health`: the AWS target and emulator, each endpoint's breaker, and the job queue.
struct InstructorHealthDTO: ResponseEncodable, Sendable {
    struct Breaker: Codable, Sendable {
        let service: String
        let region: String
        let endpoint: String
        /// `closed`, `open`, `halfOpen` …
        let state: String
        let failureRate: Double
        let calls: Int
    }

    struct Queue: Codable, Sendable {
        /// Jobs waiting to run (available, scheduled or retryable).
        let depth: Int
        let running: Int
        let failedLastHour: Int
    }

    /// `sandbox` or `account`.
    let target: String
    /// The emulator's state (`starting`, `restoring`, `ready`, `down`), or `account`.
    let emulator: String
    let summary: String
    let region: String
    let breakers: [Breaker]
    let queue: Queue
}

/// Reads the health figures from memory (the supervisor, the breakers) and two counts from the store.
struct InstructorHealth: Sendable {
    let target: AWSTarget
    let learnerTargets: LearnerTargets?
    let database: AppDatabase
    let region: String
    let now: @Sendable () -> Date

    func report() async throws -> InstructorHealthDTO {
        let counts = try await database.jobCountsByState()
        let failed = try await database.failedJobCount(since: now().addingTimeInterval(-3600))
        let snapshot = target.sandbox?.status.snapshot
        return InstructorHealthDTO(
            target: target.sandbox == nil ? "account" : "sandbox", emulator: snapshot?.state.name ?? "account",
            summary: snapshot?.summary ?? "Commands run against a real AWS account.", region: region,
            breakers: (learnerTargets?.breakerSnapshots() ?? []).map {
                .init(
                    service: $0.key.service, region: $0.key.region, endpoint: $0.key.endpoint,
                    state: $0.breaker.state.rawValue, failureRate: $0.breaker.failureRate, calls: $0.breaker.numberOfCalls)
            },
            queue: .init(
                depth: (counts[.available] ?? 0) + (counts[.scheduled] ?? 0) + (counts[.retryable] ?? 0),
                running: counts[.running] ?? 0, failedLastHour: failed))
    }
}
