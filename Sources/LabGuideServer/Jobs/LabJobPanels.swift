import Foundation
import LabChecks
import LabJobs
import LabStore
import Mustache

/// The provision and clean-up panels of the lab overview, as the page shows them without JavaScript.
struct LabJobPanels: Sendable {
    /// What provisioning would create, in this learner's names; empty when the lab provisions nothing.
    let provisionPlan: [String]
    let isSandbox: Bool
    let provision: JobPanelState?
    let cleanup: JobPanelState?

    /// A job is queued or running: a browser without JavaScript reloads the page to follow it.
    var isRunning: Bool { provision?.isRunning == true || cleanup?.isRunning == true }
}

/// One job as its panel shows it: a status line, progress while it runs, and its result's lines.
struct JobPanelState: Sendable {
    let status: String
    let isRunning: Bool
    let isFailed: Bool
    let completed: Int
    let total: Int
    let items: [String]
    let stillRunning: [String]
    let costTotal: String
    /// After a finished dry run: how many resources the confirm button deletes.
    let plannedCount: Int

    init(_ job: JobRecord) {
        isRunning = !job.state.isFinished
        isFailed = job.state == .discarded || job.state == .cancelled
        completed = job.progressCompleted
        total = max(job.progressTotal, 1)
        var items: [String] = []
        var stillRunning: [String] = []
        var costTotal = 0.0
        var plannedCount = 0
        var status = job.progressMessage ?? (isRunning ? "Waiting to start…" : job.state.rawValue)
        if isFailed {
            status = "The job \(job.state.rawValue): \(job.errors.last?.message ?? "no reason given")"
        } else if job.state == .completed, let output = job.decodedResult(as: ProvisionJob.Output.self) {
            status = output.summary
            items = output.resources.map { "\($0.name): \($0.outcome == "created" ? "created" : "already there")" }
        } else if job.state == .completed, let output = job.decodedResult(as: CleanupJob.Output.self) {
            status = output.summary
            items = output.isDryRun ? output.planned.map(\.summary) : output.leftovers.map { "\($0.summary): \($0.reason ?? "")" }
            stillRunning = output.stillRunning.map { String(format: "%@: $%.4f per hour", $0.summary, $0.hourlyCost ?? 0) }
            costTotal = output.hourlyCostTotal
            plannedCount = output.isDryRun ? output.planned.count : 0
        }
        self.status = status
        self.items = items
        self.stillRunning = stillRunning
        self.costTotal = String(format: "$%.4f", costTotal)
        self.plannedCount = plannedCount
    }
}

extension LabJobPanels: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "hasProvision": !provisionPlan.isEmpty
        case "provisionPlan": provisionPlan
        case "isSandbox": isSandbox
        case "provision": provision.map { $0 as Any }
        case "cleanup": cleanup.map { $0 as Any }
        case "isRunning": isRunning
        default: nil
        }
    }
}

extension JobPanelState: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "status": status
        case "isRunning": isRunning
        case "isFailed": isFailed
        case "completed": completed
        case "total": total
        case "hasItems": !items.isEmpty
        case "items": items
        case "hasStillRunning": !stillRunning.isEmpty
        case "stillRunning": stillRunning
        case "costTotal": costTotal
        case "plannedCount": plannedCount
        case "canConfirm": plannedCount > 0
        default: nil
        }
    }
}
