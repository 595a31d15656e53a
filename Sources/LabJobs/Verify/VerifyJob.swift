import Foundation
public import LabChecks
public import LabContent
public import LabStore
import Resilience

/// Runs Verify for one or more steps of a learner: each step's checks concurrently, each result stored the moment
/// it is known (the page fills in check by check), then the attempt's verdict, which marks a passed step verified.
///
/// Checks never throw: a target that cannot answer gives `error` results, so the job itself only fails when its
/// learner or lab is gone. Its attempts are created with it (`VerifyRequests`), so a page can show them at once.
public struct VerifyJob: JobKind {
    public struct Arguments: Codable, Sendable, Equatable {
        public let learnerID: Int64
        public let labID: String

        public init(learnerID: Int64, labID: String) {
            self.learnerID = learnerID
            self.labID = labID
        }
    }

    public struct Output: Codable, Sendable, Equatable {
        public struct Step: Codable, Sendable, Equatable {
            public let stepID: String
            public let attemptID: Int64
            public let state: VerifyAttempt.State
        }

        public let steps: [Step]
        /// "2 of 3 steps verified; 1 failed."
        public let summary: String
    }

    public static let name = "verify"
    /// A second try only for a job whose worker died: Verify is quick, and a learner clicks again anyway.
    public let retryPolicy = JobRetryPolicy(
        maxAttempts: 2, backoff: Backoff(base: .milliseconds(200), cap: .seconds(1), jitter: .full))

    let database: AppDatabase
    let labs: LabLibrary
    let targets: LearnerTargets
    let budget: Duration

    public init(database: AppDatabase, labs: LabLibrary, targets: LearnerTargets, budget: Duration = .seconds(8)) {
        self.database = database
        self.labs = labs
        self.targets = targets
        self.budget = budget
    }

    public func run(_ arguments: Arguments, context: JobContext) async throws -> Output {
        let (learner, lab) = try await LabJobInputs.load(arguments.learnerID, arguments.labID, database: database, labs: labs)
        let attempts = try await database.verifyAttempts(jobID: context.jobID)
        let variables = lab.variables(builtins: targets.builtins(for: learner))
        let runner: CheckRunner?
        let setupProblem: String?
        do {
            let account = try targets.account(for: learner, labID: lab.id)
            runner = CheckRunner(
                environment: CheckEnvironment(account: account, isSandbox: targets.isSandbox, prices: lab.prices),
                budget: budget)
            setupProblem = nil
        } catch {
            runner = nil
            setupProblem = "\(error)"
        }
        var steps: [Output.Step] = []
        for (index, attempt) in attempts.enumerated() {
            try await context.checkpoint()
            guard let step = lab.steps.first(where: { $0.id == attempt.stepID }) else { continue }
            await context.progress(completed: index, total: attempts.count, message: "Verifying \(step.title)…")
            let finished = try await verify(
                step, attempt: attempt, checks: CheckPlan.make(for: step, variables: variables), runner: runner,
                setupProblem: setupProblem, context: context)
            steps.append(.init(stepID: step.id, attemptID: attempt.id, state: finished?.state ?? .incomplete))
        }
        let summary = Self.summary(steps)
        await context.progress(completed: attempts.count, total: attempts.count, message: summary)
        return Output(steps: steps, summary: summary)
    }

    private func verify(
        _ step: Step, attempt: VerifyAttempt, checks: [RenderedCheck], runner: CheckRunner?, setupProblem: String?,
        context: JobContext
    ) async throws -> VerifyAttempt? {
        if context.attempt > 1 || !attempt.isRunning {
            try await database.restartVerifyAttempt(id: attempt.id, at: Date())
        }
        let record: @Sendable (CheckResult) async -> Void = { result in
            guard let stored = try? StoredCheckResult(result, attemptID: attempt.id) else { return }
            try? await database.recordCheckResult(stored)
            await context.log(
                result.status == .error ? .warning : .info, "\(result.status.rawValue): \(result.summary)",
                fields: ["verify.attempt": "\(attempt.id)", "verify.check": "\(result.index)"])
        }
        if let runner {
            _ = await runner.run(checks, onResult: record)
        } else {
            for check in checks {
                await record(
                    CheckResult(
                        index: check.index, check: check.name, status: .error, summary: check.summary,
                        observed: "The server cannot check this: \(setupProblem ?? "no AWS target"). Tell your instructor."))
            }
        }
        return try await database.finishVerifyAttempt(id: attempt.id, at: Date())
    }

    static func summary(_ steps: [Output.Step]) -> String {
        let passed = steps.count { $0.state == .passed }
        let failed = steps.count { $0.state == .failed }
        let incomplete = steps.count { $0.state == .incomplete }
        if steps.count == 1, let only = steps.first {
            return switch only.state {
            case .passed: "Verified: every check passed."
            case .failed: "Not yet: some checks failed."
            case .incomplete: "Some checks could not be answered: try again."
            case .unsupported: "The sandbox cannot answer this step's checks."
            case .running: "Still running."
            }
        }
        var parts = ["\(passed) of \(steps.count) steps verified"]
        if failed > 0 { parts.append("\(failed) failed") }
        if incomplete > 0 { parts.append("\(incomplete) could not be answered") }
        return parts.joined(separator: "; ") + "."
    }
}

extension StoredCheckResult {
    /// A check result as the store keeps it; facts and calls become JSON.
    init(_ result: CheckResult, attemptID: Int64, at date: Date = Date()) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        self.init(
            attemptID: attemptID, checkIndex: result.index, check: result.check, status: result.status.rawValue,
            summary: result.summary, expected: result.expected, observed: result.observed, hint: result.hint,
            facts: String(decoding: try encoder.encode(result.facts), as: UTF8.self),
            calls: String(decoding: try encoder.encode(result.calls), as: UTF8.self), durationMs: result.durationMs,
            retryAfterSeconds: result.retryAfterSeconds, finishedAt: date)
    }
}
