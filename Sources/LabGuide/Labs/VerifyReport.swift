import AWSClient
import Foundation
import LabContent
import LabStore

/// What `labguide verify` prints: a table for people, or JSON with each check's evidence for scripts.
struct VerifyReport {
    struct Check: Encodable {
        let index: Int
        let check: String
        let status: String
        let summary: String
        let expected: String?
        let observed: String?
        let hint: String?
        let facts: [String: String]
        let calls: [AWSCallRecord]
        let durationMs: Int
    }

    struct StepReport: Encodable {
        let step: String
        let title: String
        let attemptId: Int64
        let state: String
        let checks: [Check]
    }

    struct Document: Encodable {
        let lab: String
        let learner: String
        let steps: [StepReport]
    }

    let document: Document

    init(lab: Lab, learner: Learner, attempts: [VerifyAttempt], results: [Int64: [StoredCheckResult]]) {
        let decoder = JSONDecoder()
        document = Document(
            lab: lab.id, learner: learner.handle,
            steps: attempts.map { attempt in
                StepReport(
                    step: attempt.stepID, title: lab.step(id: attempt.stepID)?.title ?? attempt.stepID,
                    attemptId: attempt.id, state: attempt.state.rawValue,
                    checks: (results[attempt.id] ?? []).map { stored in
                        Check(
                            index: stored.checkIndex, check: stored.check, status: stored.status, summary: stored.summary,
                            expected: stored.expected, observed: stored.observed, hint: stored.hint,
                            facts: (try? decoder.decode([String: String].self, from: Data(stored.facts.utf8))) ?? [:],
                            calls: (try? decoder.decode([AWSCallRecord].self, from: Data(stored.calls.utf8))) ?? [],
                            durationMs: stored.durationMs)
                    })
            })
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }

    /// One block per step: its verdict, then a line per check with a mark, and the details of what failed.
    var table: String {
        var lines: [String] = []
        for step in document.steps {
            lines.append("\(step.title) (\(step.step)): \(Self.verdict(step.state))")
            for check in step.checks {
                lines.append("  \(Self.mark(check.status)) \(check.summary)")
                if let expected = check.expected { lines.append("      expected: \(expected)") }
                if let observed = check.observed, check.status != "passed" {
                    lines.append("      \(check.status == "failed" ? "found" : "note"): \(observed)")
                }
                if let hint = check.hint { lines.append("      hint: \(hint)") }
            }
        }
        let verified = document.steps.count { $0.state == "passed" }
        lines.append("\(verified) of \(document.steps.count) steps verified.")
        return lines.joined(separator: "\n")
    }

    static func mark(_ status: String) -> String {
        switch status {
        case "passed": "✓"
        case "failed": "✗"
        case "error": "!"
        default: "–"
        }
    }

    static func verdict(_ state: String) -> String {
        switch state {
        case "passed": "verified"
        case "failed": "not yet"
        case "incomplete": "could not be answered, try again"
        case "unsupported": "not checkable in the sandbox"
        default: state
        }
    }
}
