import Foundation
import LabStore
import Resilience
import Testing

@testable import LabJobs

@Suite("Retry decisions after an attempt")
struct JobAttemptResolutionTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)
    let policy = JobRetryPolicy(maxAttempts: 3, backoff: Backoff(base: .seconds(2), cap: .seconds(5), jitter: .full))

    func job(attempt: Int, maxAttempts: Int = 3) -> JobRecord {
        JobRecord(
            id: 1, kind: "verify", learnerID: 1, labID: "lab", uniqueKey: nil, state: .running, priority: 0,
            attempt: attempt, maxAttempts: maxAttempts, runAt: now, arguments: "{}", result: nil, errors: [],
            progressCompleted: 0, progressTotal: 0, progressMessage: nil, isCancelRequested: false,
            leaseOwner: "w", leaseExpiresAt: now, createdAt: now, startedAt: now, finishedAt: nil)
    }

    func resolve(_ result: Result<String, any Error>, _ stop: JobStopReason? = nil, attempt: Int)
        -> JobAttemptResolution
    {
        var generator = SeededRandomNumberGenerator(seed: 7)
        return JobAttemptResolution.resolve(
            result, stopReason: stop, job: job(attempt: attempt), policy: policy, now: now, using: &generator)
    }

    @Test func transientErrorsRetryWithinTheCappedBackoffThenDiscard() throws {
        for attempt in 1...2 {
            guard
                case .record(.failed(let error, let retryAt?)) = resolve(.failure(JobFailure.transient("5xx")), attempt: attempt)
            else {
                Issue.record("attempt \(attempt) should retry")
                continue
            }
            let ceiling = min(5, 2 * pow(2, Double(attempt - 1)))
            #expect(retryAt >= now && retryAt <= now.addingTimeInterval(ceiling))
            #expect(error == JobAttemptError(at: now, attempt: attempt, message: "5xx"))
        }
        #expect(
            resolve(.failure(JobFailure.transient("5xx")), attempt: 3)
                == .record(.failed(JobAttemptError(at: now, attempt: 3, message: "5xx"), retryAt: nil)))
    }

    @Test func aPermanentFailureDiscardsAtOnce() {
        #expect(
            resolve(.failure(JobFailure.permanent("AccessDenied")), attempt: 1)
                == .record(.failed(JobAttemptError(at: now, attempt: 1, message: "AccessDenied"), retryAt: nil)))
    }

    @Test func whyTheJobStoppedWinsOverWhatItThrew() {
        let thrown = Result<String, any Error>.failure(CancellationError())
        #expect(resolve(thrown, .cancelRequested, attempt: 1) == .record(.cancelled))
        #expect(resolve(thrown, .shutdown, attempt: 1) == .releaseLease)
        #expect(resolve(.success("{}"), .leaseLost, attempt: 1) == .leaveAlone)
        #expect(resolve(.success(#"{"ok":true}"#), attempt: 1) == .record(.completed(result: #"{"ok":true}"#)))
    }
}
