import AWSClient

/// Runs the checks of a step concurrently, each within its own time budget, and reports each result as it arrives.
///
/// A check's observer only decides passed, failed or unsupported; everything thrown becomes `error`, worded as the
/// target's fault. A check that runs past its budget is cancelled and ends `error`, so one slow check cannot hold
/// the rest, and a dead endpoint ends every check within the budget.
public struct CheckRunner: Sendable {
    public let environment: CheckEnvironment
    /// Each check's limit, probe waits included.
    public let budget: Duration

    public init(environment: CheckEnvironment, budget: Duration = .seconds(8)) {
        self.environment = environment
        self.budget = budget
    }

    /// Every result in check order; `onResult` is called as each one finishes, in finishing order.
    public func run(
        _ checks: [RenderedCheck], onResult: @escaping @Sendable (CheckResult) async -> Void = { _ in }
    ) async -> [CheckResult] {
        await withTaskGroup(of: CheckResult.self) { group in
            for check in checks {
                group.addTask {
                    let result = await run(check)
                    await onResult(result)
                    return result
                }
            }
            var results: [CheckResult] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.index < $1.index }
        }
    }

    /// One check, timed, with its calls recorded.
    public func run(_ check: RenderedCheck) async -> CheckResult {
        let started = ContinuousClock.now
        let (outcome, calls) = await AWSCallLog.recording { await outcomeWithinBudget(check) }
        let elapsed = started.duration(to: .now)
        let milliseconds = Int(elapsed / .milliseconds(1))
        switch outcome {
        case .success(let outcome):
            let status: CheckResult.Status =
                switch outcome.verdict {
                case .passed: .passed
                case .failed: .failed
                case .unsupported: .unsupported
                }
            return CheckResult(
                index: check.index, check: check.name, status: status, summary: check.summary,
                expected: outcome.expected, observed: outcome.observed, hint: outcome.hint, facts: outcome.facts,
                calls: calls, durationMs: milliseconds)
        case .failure(let problem):
            return CheckResult(
                index: check.index, check: check.name, status: .error, summary: check.summary, observed: problem.message,
                calls: calls, durationMs: milliseconds, retryAfterSeconds: problem.retryAfterSeconds)
        }
    }

    private func outcomeWithinBudget(_ check: RenderedCheck) async -> Result<CheckOutcome, CheckProblem> {
        if environment.isSandbox && !check.isSupportedByEmulator {
            return .success(.unsupported(CheckObservers.unsupportedReason(for: check)))
        }
        let budget = self.budget
        let environment = self.environment
        return await withTaskGroup(of: Result<CheckOutcome, CheckProblem>?.self) { group in
            group.addTask {
                do {
                    return .success(try await CheckObservers.observe(check, in: environment))
                } catch {
                    return .failure(CheckProblem(error, target: environment.targetName))
                }
            }
            group.addTask {
                // Cancelled (and so nil) when the check finishes first.
                guard (try? await Task.sleep(for: budget)) != nil else { return nil }
                return .failure(CheckProblem(timedOutAfter: budget, target: environment.targetName))
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? .failure(CheckProblem(timedOutAfter: budget, target: environment.targetName))
        }
    }
}

/// Why a check could not decide: the target's fault, worded so that it never blames the learner.
struct CheckProblem: Error, Sendable {
    let message: String
    let retryAfterSeconds: Int?

    init(timedOutAfter budget: Duration, target: String) {
        let seconds = Int(budget / .seconds(1))
        message = "\(target.capitalizedFirst) did not answer within \(seconds) s: try again."
        retryAfterSeconds = nil
    }

    init(_ error: any Error, target: String) {
        guard let error = error as? AWSError else {
            message = "The check could not run: \(error). Try again; if it happens again, tell your instructor."
            retryAfterSeconds = nil
            return
        }
        let service = error.service ?? "AWS"
        let endpoint = error.endpoint.map { " (\($0))" } ?? ""
        switch error.kind {
        case .circuitOpen:
            let wait = error.retryAfter.map { max(1, Int(($0 / .seconds(1)).rounded(.up))) }
            retryAfterSeconds = wait
            message =
                "\(target.capitalizedFirst) is not answering \(service) calls\(endpoint), so checks wait before "
                + "asking again" + (wait.map { ": try again in \($0) s." } ?? ".")
        case .timeout, .transport:
            retryAfterSeconds = nil
            message = "\(target.capitalizedFirst) did not answer \(service)\(endpoint): try again."
        case .noCredentials, .invalidConfiguration:
            retryAfterSeconds = nil
            message = "The server cannot reach \(service): \(error.message). Tell your instructor."
        default:
            retryAfterSeconds = nil
            if error.isThrottling {
                message = "\(target.capitalizedFirst) is throttling \(service) calls (\(error.code)): try again in a moment."
            } else {
                message = "\(service) answered \(error.code): \(error.message)"
            }
        }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
