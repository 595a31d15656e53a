import Foundation
import LabContent

/// `/instructor/learners/{id}`: the timeline, the Verify attempts with their evidence, jobs and what still runs.
struct InstructorLearnerView: Sendable {
    struct TimelineItem: Sendable {
        let at: String
        let what: String
    }

    struct Attempt: Sendable {
        let stepTitle: String
        let state: String
        let at: String
        let checks: [LearnerDetailDTO.CheckResult]
    }

    struct Job: Sendable {
        let id: Int64
        let kind: String
        let state: String
        let progress: String
    }

    let chrome: PageChrome
    let labID: String
    let labTitle: String
    let learnerID: Int64
    let name: String
    let handle: String
    let prefix: String
    let progress: String
    let current: String
    let stuck: String?
    let timeline: [TimelineItem]
    let attempts: [Attempt]
    let jobs: [Job]
    let stillRunning: [LearnerDetailDTO.StillRunning]
    let hasScan: Bool

    init(detail: LearnerDetailDTO, lab: Lab, chrome: PageChrome) {
        let dates = ISO8601DateFormatter()
        let title = { (id: String?) in id.map { lab.step(id: $0)?.title ?? $0 } ?? "" }
        let row = detail.row
        self.chrome = chrome
        labID = lab.id
        labTitle = lab.title
        learnerID = row.learnerId
        name = row.name
        handle = row.handle
        prefix = row.prefix
        progress = "\(row.completedSteps) of \(lab.steps.count) steps (\(row.percent) %)"
        current = row.currentStepTitle ?? "not started"
        stuck = row.stuck.map { [$0.summary, $0.lastFailedMessage].compactMap { $0 }.joined(separator: " — ") }
        timeline = detail.events.reversed().map { event in
            TimelineItem(at: dates.string(from: event.at), what: "\(event.kind) \(title(event.stepId))")
        }
        attempts = detail.attempts.map { attempt in
            Attempt(
                stepTitle: title(attempt.stepId), state: attempt.state, at: dates.string(from: attempt.startedAt),
                checks: attempt.checks)
        }
        jobs = detail.jobs.map { job in
            Job(
                id: job.id, kind: job.kind, state: job.state,
                progress: job.progress.message ?? "\(job.progress.completed) of \(job.progress.total)")
        }
        stillRunning = detail.stillRunning ?? []
        hasScan = detail.stillRunning != nil
    }
}
