import Foundation
import LabJobs
import LabStore
import Prometheus
import Testing

@Suite("Worker service")
struct JobWorkerTests {
    func makeQueue(metrics: JobMetrics? = nil) throws -> JobQueue {
        JobQueue(database: try AppDatabase.makeInMemory(), registry: TestWorkers.registry(), metrics: metrics)
    }

    @Test func runsJobsAndKeepsTheirJSONResults() async throws {
        let queue = try makeQueue()
        try await TestWorkers.withWorker(queue) {
            var ids: [Int64] = []
            for tag in ["a", "b", "c"] {
                ids.append(
                    try await queue.enqueue(
                        NoopJob.self, .init(tag: tag), learnerID: 1, labID: nil, uniqueKey: nil
                    ).job.id)
            }
            for (id, tag) in zip(ids, ["a", "b", "c"]) {
                let job = try await queue.waitUntil(jobID: id)
                #expect(job.state == .completed)
                #expect(job.result == #"{"tag":"\#(tag)"}"#)
                #expect(job.leaseOwner == nil)
            }
        }
    }

    @Test func transientFailuresRetryAndKeepEachError() async throws {
        let queue = try makeQueue()
        try await TestWorkers.withWorker(queue) {
            let id = try await queue.enqueue(FlakyJob.self, .init(failures: 2), learnerID: nil, labID: nil, uniqueKey: nil)
                .job.id
            let job = try await queue.waitUntil(jobID: id)
            #expect(job.state == .completed && job.attempt == 3)
            #expect(job.errors.map(\.attempt) == [1, 2])
            #expect(try await queue.log(jobID: id).count == 3)
        }
    }

    @Test func aPermanentFailureDiscardsAfterOneAttempt() async throws {
        let queue = try makeQueue()
        try await TestWorkers.withWorker(queue) {
            let id = try await queue.enqueue(DeniedJob.self, .init(), learnerID: nil, labID: nil, uniqueKey: nil).job.id
            let job = try await queue.waitUntil(jobID: id)
            #expect(job.state == .discarded && job.attempt == 1)
            #expect(job.errors.first?.message.hasPrefix("AccessDenied") == true)
        }
    }

    @Test func cancellingARunningJobStopsItAtItsCheckpoint() async throws {
        let queue = try makeQueue()
        try await TestWorkers.withWorker(queue) {
            let id = try await queue.enqueue(WaitingJob.self, .init(), learnerID: 1, labID: nil, uniqueKey: nil).job.id
            _ = try await queue.waitUntil(jobID: id) { $0.state == .running }
            while try await queue.log(jobID: id).isEmpty { await queue.waitForChange(jobID: id, timeout: .milliseconds(50)) }
            #expect(try await queue.cancel(jobID: id)?.isCancelRequested == true)
            let job = try await queue.waitUntil(jobID: id)
            #expect(job.state == .cancelled)
        }
    }

    @Test func shutdownGivesRunningJobsBackToTheQueue() async throws {
        let queue = try makeQueue()
        var id: Int64 = 0
        try await TestWorkers.withWorker(queue, configuration: JobWorkerConfiguration(shutdownGracePeriod: .zero)) {
            id = try await queue.enqueue(WaitingJob.self, .init(), learnerID: 1, labID: nil, uniqueKey: nil).job.id
            _ = try await queue.waitUntil(jobID: id) { $0.state == .running }
        }
        let job = try #require(try await queue.job(id: id))
        #expect(job.state == .available)
        #expect(job.attempt == 0 && job.leaseOwner == nil)
    }

    @Test func metricsCountAttemptsByKindAndOutcome() async throws {
        let metrics = JobMetrics(registry: PrometheusCollectorRegistry())
        let queue = try makeQueue(metrics: metrics)
        try await TestWorkers.withWorker(queue) {
            let id = try await queue.enqueue(NoopJob.self, .init(), learnerID: nil, labID: nil, uniqueKey: nil).job.id
            _ = try await queue.waitUntil(jobID: id)
        }
        await metrics.refresh(from: queue.database)
        let text = metrics.registry.emitToString()
        #expect(text.contains(#"labguide_job_attempts_total{kind="noop",outcome="completed"} 1"#))
        #expect(text.contains(#"labguide_jobs{state="completed"} 1"#))
        #expect(text.contains("labguide_job_queue_latency_seconds_count 1"))
    }
}
