import Foundation
import LabContent
import Mustache

/// Verify attempts as `Templates/verify-attempts.mustache` shows them without JavaScript: one attempt after a form
/// post (refreshing itself while it runs), a step's history, or the steps of an exercise.
struct VerifyAttemptsPageView: Sendable {
    struct Link: Sendable {
        let href: String
        let title: String
    }

    let chrome: PageChrome
    let title: String
    let back: Link
    let lab: Lab
    let attempts: [VerifyAttemptDTO]

    var isRunning: Bool { attempts.contains { $0.state == "running" } }

    /// An attempt as a dictionary of what the template prints; each check with its evidence.
    func item(_ attempt: VerifyAttemptDTO) -> [String: Any] {
        let step = lab.step(id: attempt.stepId)
        let counts = attempt.counts
        var countText = "\(counts.passed) of \(counts.total) passed"
        if counts.failed > 0 { countText += ", \(counts.failed) failed" }
        if counts.error > 0 { countText += ", \(counts.error) not answered" }
        if counts.unsupported > 0 { countText += ", \(counts.unsupported) not checkable here" }
        return [
            "id": attempt.id, "stepTitle": step?.title ?? attempt.stepId,
            "stepHref": "/labs/\(lab.id)/steps/\(attempt.stepId)#verify",
            "state": attempt.state, "stateLabel": Self.stateLabel(attempt.state), "counts": countText,
            "startedAt": Self.timeFormat.string(from: attempt.startedAt),
            "startedAtISO": ISO8601DateFormatter().string(from: attempt.startedAt),
            "checks": attempt.checks.map(Self.check),
        ]
    }

    static func check(_ result: VerifyAttemptDTO.CheckResult) -> [String: Any] {
        var values: [String: Any] = [
            "status": result.status, "statusLabel": statusLabel(result.status), "summary": result.summary,
            "durationMs": result.durationMs,
            "calls": result.calls.map { call in
                [
                    "call": "\(call.service) \(call.operation)",
                    "status": call.status.map(String.init) ?? (call.errorCode ?? "no answer"),
                    "milliseconds": call.milliseconds,
                ] as [String: Any]
            },
            "facts": result.facts.sorted { $0.key < $1.key }.map { ["name": $0.key, "value": $0.value] },
            "hasEvidence": !result.calls.isEmpty || !result.facts.isEmpty,
            "hasFacts": !result.facts.isEmpty,
        ]
        if let expected = result.expected { values["expected"] = expected }
        if let observed = result.observed { values["observed"] = observed }
        if let hint = result.hint { values["hint"] = hint }
        if let seconds = result.retryAfterSeconds { values["retryAfter"] = seconds }
        return values
    }

    static func stateLabel(_ state: String) -> String {
        switch state {
        case "running": "Checking…"
        case "passed": "Verified"
        case "failed": "Not yet"
        case "incomplete": "Could not finish: try again"
        case "unsupported": "Not checkable in the sandbox"
        default: state
        }
    }

    static func statusLabel(_ status: String) -> String {
        switch status {
        case "passed": "Passed"
        case "failed": "Failed"
        case "error": "Not answered"
        case "unsupported": "Not checkable here"
        default: status
        }
    }

    static let timeFormat: DateFormatter = {
        let formatter = DateFormatter()
        formatter.dateFormat = "d MMM, HH:mm:ss 'UTC'"
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.locale = Locale(identifier: "en_GB")
        return formatter
    }()
}

extension VerifyAttemptsPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": chrome
        case "title": title
        case "backHref": back.href
        case "backTitle": back.title
        case "labTitle": lab.title
        case "isRunning": isRunning
        case "attempts": attempts.map(item)
        case "hasAttempts": !attempts.isEmpty
        default: nil
        }
    }
}
