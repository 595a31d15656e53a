import Foundation
import LabContent
import LabStore

/// The class matrix as HTML, written directly rather than through Mustache: 500 learners × 29 steps are 14,500
/// cells, and walking a template per cell cost more than the 50 ms the page may take. The live stream sends rows
/// written by the same code, so a row looks the same loaded or pushed.
struct MatrixTable: Sendable {
    let lab: Lab
    /// The columns shown: every step, or one exercise's.
    let steps: [(number: Int, step: Step)]
    let now: Date
    /// Each column's cell for each state without Verify attempts, written once per table: most cells are one of
    /// these, so a row is mostly appends.
    private let plainCells: [[ClassBoard.CellState: String]]

    init(lab: Lab, exerciseID: String?, now: Date) {
        self.lab = lab
        self.now = now
        steps = lab.steps.enumerated().map { (number: $0.offset + 1, step: $0.element) }
            .filter { exerciseID == nil || $0.step.exerciseID == exerciseID }
        plainCells = steps.map { number, step in
            Dictionary(
                uniqueKeysWithValues: Self.symbols.keys.map { ($0, Self.cell($0, attempts: 0, number: number, step: step)) })
        }
    }

    static let symbols: [ClassBoard.CellState: (symbol: String, label: String)] = [
        .notStarted: ("", "not started"), .viewed: ("·", "viewed"), .completed: ("✓", "completed"),
        .verified: ("★", "verified"), .failedVerify: ("✗", "failed verify"),
    ]

    /// The table head: exercises over their steps, both sticky.
    func head() -> String {
        var html = "<thead><tr class=\"matrix-exercises\"><th scope=\"col\" rowspan=\"2\" class=\"matrix-corner\">Learner</th>"
        html += "<th scope=\"col\" rowspan=\"2\" class=\"matrix-current\">Current step</th>"
        html += "<th scope=\"col\" rowspan=\"2\" class=\"matrix-activity\">Last activity</th>"
        html += "<th scope=\"col\" rowspan=\"2\">Progress</th>"
        for exercise in lab.exercises {
            let count = steps.count { $0.step.exerciseID == exercise.id }
            guard count > 0 else { continue }
            html += "<th scope=\"colgroup\" colspan=\"\(count)\" title=\"\(exercise.title.escapedForHTML)\">"
            html += "\(exercise.title.escapedForHTML)</th>"
        }
        html += "</tr><tr class=\"matrix-steps\">"
        for (number, step) in steps {
            html += "<th scope=\"col\" title=\"Step \(number): \(step.title.escapedForHTML)\">\(number)</th>"
        }
        return html + "</tr></thead>"
    }

    func row(_ row: ClassBoard.Row) -> String {
        let id = row.learner.id ?? 0
        var html = "<tr data-learner-id=\"\(id)\" data-progress=\"\(row.completedSteps)\""
        html += " data-activity=\"\(Int(row.lastActivityAt?.timeIntervalSince1970 ?? 0))\""
        html += " data-stuck=\"\(row.stuck != nil ? 1 : 0)\" data-hand=\"\(row.raisedHand != nil ? 1 : 0)\""
        html += row.stuck != nil ? " class=\"is-stuck\">" : ">"
        html += "<th scope=\"row\" class=\"matrix-learner\"><a href=\"/instructor/learners/\(id)?lab=\(lab.id)\">"
        html += "<span class=\"learner-real-name\">\(row.learner.name.escapedForHTML)</span>"
        html += "<span class=\"learner-alias\">Learner \(id)</span></a>"
        if row.raisedHand != nil { html += " <span class=\"badge badge-hand\" title=\"Hand raised\">✋</span>" }
        if let stuck = row.stuck {
            html += " <span class=\"badge badge-stuck\" title=\"\(stuck.summary.escapedForHTML)\">stuck</span>"
        }
        html += "</th><td class=\"matrix-current\">"
        if let step = row.currentStep {
            html += "\(step.title.escapedForHTML)"
            if let since = row.currentStepSince {
                html += " <span class=\"meta\" data-since=\"\(Int(since.timeIntervalSince1970))\">"
                html += "\(Self.duration(now.timeIntervalSince(since)))</span>"
            }
        } else {
            html += "<span class=\"meta\">not started</span>"
        }
        html += "</td><td class=\"matrix-activity\">"
        if let last = row.lastActivityAt {
            html +=
                "<span data-since=\"\(Int(last.timeIntervalSince1970))\">\(Self.duration(now.timeIntervalSince(last)))</span> ago"
        }
        html += "</td><td class=\"matrix-progress\">\(row.completedSteps)/\(lab.steps.count)</td>"
        // By index: a `Step` is large, and copying one per cell showed in the profile.
        for column in steps.indices {
            let number = steps[column].number
            let cell = row.cells[number - 1]
            if cell.attempts == 0, let plain = plainCells[column][cell.state] {
                html += plain
            } else {
                html += Self.cell(cell.state, attempts: cell.attempts, number: number, step: steps[column].step)
            }
        }
        return html + "</tr>"
    }

    private static func cell(_ state: ClassBoard.CellState, attempts: Int, number: Int, step: Step) -> String {
        let (symbol, label) = symbols[state] ?? ("", "")
        let count = attempts > 0 ? ", \(attempts) Verify attempt\(attempts == 1 ? "" : "s")" : ""
        let text = state == .failedVerify ? "\(symbol)\(attempts)" : symbol
        return
            "<td class=\"cell c-\(state.rawValue)\" data-step=\"\(step.id)\" title=\"\(number): \(label)\(count)\">\(text)</td>"
    }

    func table(_ rows: [ClassBoard.Row]) -> String {
        var html = "<table class=\"matrix\" data-matrix>"
        html.reserveCapacity(rows.count * (steps.count * 60 + 500))
        html += head() + "<tbody>"
        for item in rows { html += row(item) }
        return html + "</tbody></table>"
    }

    /// "45 s", "12 min", "3 h 05 min".
    static func duration(_ seconds: TimeInterval) -> String {
        let seconds = max(0, Int(seconds))
        if seconds < 60 { return "\(seconds) s" }
        if seconds < 3600 { return "\(seconds / 60) min" }
        let minutes = seconds / 60 % 60
        return "\(seconds / 3600) h \(minutes < 10 ? "0" : "")\(minutes) min"
    }
}
