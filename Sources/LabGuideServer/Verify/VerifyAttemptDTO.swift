import Foundation
import Hummingbird
import LabStore

/// A Verify attempt as the API, the step page's script and the instructor read it: its state, counts and the
/// results known so far, each with its evidence.
struct VerifyAttemptDTO: ResponseEncodable, Sendable, Equatable {
    struct Counts: Codable, Sendable, Equatable {
        let passed: Int
        let failed: Int
        let unsupported: Int
        let error: Int
        let total: Int
    }

    /// One AWS call a check made: never a header, a body or a key.
    struct Call: Codable, Sendable, Equatable {
        let service: String
        let operation: String
        let status: Int?
        let errorCode: String?
        let milliseconds: Int
    }

    struct CheckResult: Codable, Sendable, Equatable {
        let index: Int
        let check: String
        let status: String
        let summary: String
        let expected: String?
        let observed: String?
        let hint: String?
        let facts: [String: String]
        let calls: [Call]
        let durationMs: Int
        let retryAfterSeconds: Int?

        init(_ stored: StoredCheckResult) {
            index = stored.checkIndex
            check = stored.check
            status = stored.status
            summary = stored.summary
            expected = stored.expected
            observed = stored.observed
            hint = stored.hint
            facts = (try? JSONDecoder().decode([String: String].self, from: Data(stored.facts.utf8))) ?? [:]
            calls = (try? JSONDecoder().decode([Call].self, from: Data(stored.calls.utf8))) ?? []
            durationMs = stored.durationMs
            retryAfterSeconds = stored.retryAfterSeconds
        }
    }

    let id: Int64
    let labId: String
    let stepId: String
    let jobId: Int64
    let state: String
    let counts: Counts
    let startedAt: Date
    let finishedAt: Date?
    /// The results known so far, in check order; a running attempt lacks those still being checked.
    let checks: [CheckResult]

    init(_ attempt: VerifyAttempt, results: [StoredCheckResult]) {
        id = attempt.id
        labId = attempt.labID
        stepId = attempt.stepID
        jobId = attempt.jobID
        state = attempt.state.rawValue
        let checks = results.map(CheckResult.init)
        self.checks = checks
        // While running, count what has arrived; afterwards the stored counts (missing results count as errors).
        counts =
            attempt.isRunning
            ? Counts(
                passed: checks.count { $0.status == "passed" }, failed: checks.count { $0.status == "failed" },
                unsupported: checks.count { $0.status == "unsupported" }, error: checks.count { $0.status == "error" },
                total: attempt.checkCount)
            : Counts(
                passed: attempt.passedCount, failed: attempt.failedCount, unsupported: attempt.unsupportedCount,
                error: attempt.errorCount, total: attempt.checkCount)
        startedAt = attempt.startedAt
        finishedAt = attempt.finishedAt
    }
}

struct VerifyAttemptListDTO: ResponseEncodable, Sendable {
    let attempts: [VerifyAttemptDTO]
}

/// What a Verify click gets back: its attempts (one for a step) and the job that runs them, to follow over SSE.
struct StartedVerifyDTO: ResponseEncodable, Sendable {
    let job: JobDTO
    /// False when the same Verify was already running: these are its attempts.
    let isNew: Bool
    let attempts: [VerifyAttemptDTO]
}

extension AppDatabase {
    /// Attempts with their results, newest first as given.
    func attemptDTOs(_ attempts: [VerifyAttempt]) async throws -> [VerifyAttemptDTO] {
        let results = try await checkResults(attemptIDs: attempts.map(\.id))
        return attempts.map { VerifyAttemptDTO($0, results: results[$0.id] ?? []) }
    }
}
