import Foundation
import LabContent

/// The per-step funnel as an SVG drawn on the server (no script, no inline style: CSP allows neither), with the
/// same figures as text beside it for screen readers and for reading exact numbers.
enum FunnelChart {
    static func svg(_ funnel: [StepFunnel], classSize: Int) -> String {
        let rowHeight = 18
        let labelWidth = 40
        let barWidth = 300
        let height = max(1, funnel.count) * rowHeight + 4
        let scale = Double(barWidth) / Double(max(1, classSize))
        var svg = "<svg class=\"funnel-chart\" viewBox=\"0 0 \(labelWidth + barWidth + 60) \(height)\" role=\"img\""
        svg +=
            " aria-labelledby=\"funnel-title\"><title id=\"funnel-title\">Learners who reached, completed and verified each step</title>"
        for (index, step) in funnel.enumerated() {
            let y = index * rowHeight + 2
            svg +=
                "<g><title>Step \(index + 1): \(step.title.escapedForHTML). Reached \(step.reached), completed \(step.completed), verified \(step.verified)</title>"
            svg += "<text x=\"0\" y=\"\(y + 12)\" class=\"funnel-label\">\(index + 1)</text>"
            for (offset, value, kind) in [
                (0, step.reached, "reached"), (5, step.completed, "completed"), (10, step.verified, "verified"),
            ] {
                let width = Int((Double(value) * scale).rounded())
                svg +=
                    "<rect x=\"\(labelWidth)\" y=\"\(y + offset)\" width=\"\(width)\" height=\"4\" class=\"funnel-\(kind)\"></rect>"
            }
            svg +=
                "<text x=\"\(labelWidth + barWidth + 6)\" y=\"\(y + 12)\" class=\"funnel-label\">\(step.reached)/\(step.completed)/\(step.verified)</text></g>"
        }
        return svg + "</svg>"
    }

    /// One sentence per step: the counts, the median against the estimate, and the check that fails most.
    static func summary(_ step: StepFunnel, number: Int) -> String {
        var text =
            "Step \(number), \(step.title): reached \(step.reached), completed \(step.completed), verified \(step.verified)"
        if let median = step.medianTime {
            text += "; median \(MatrixTable.duration(median))"
            if let estimate = step.estimatedMinutes { text += " against an estimate of \(estimate) min" }
        } else if let estimate = step.estimatedMinutes {
            text += "; estimate \(estimate) min"
        }
        if let check = step.mostFailingCheck {
            text += "; fails most: \(check.name) (\(check.failures)×): \(check.message)"
        }
        return text + "."
    }
}
