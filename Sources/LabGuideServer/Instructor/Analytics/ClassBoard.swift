import Foundation
import LabContent
import LabStore

/// The class at a glance, computed from the store's figures: one row per learner, one cell per step, and who is
/// stuck. Pure: the same activities, attempts and `now` give the same board.
struct ClassBoard: Sendable {
    enum CellState: String, Sendable, CaseIterable {
        case notStarted, viewed, completed, verified, failedVerify
    }

    struct Cell: Sendable, Equatable {
        let state: CellState
        /// Verify attempts on the step so far.
        let attempts: Int
    }

    struct Row: Sendable {
        let learner: Learner
        /// In the lab's reading order.
        let cells: [Cell]
        let currentStep: Step?
        let currentStepSince: Date?
        let lastActivityAt: Date?
        let completedSteps: Int
        let percent: Int
        let stuck: StuckReason?
        let raisedHand: RaisedHand?
        /// The title of the step the hand went up on, which need not be the current step.
        let raisedHandStepTitle: String?
    }

    let lab: Lab
    let rows: [Row]
    let funnel: [StepFunnel]
    let now: Date

    /// - Parameter attempts: each learner's Verify attempts in this lab, oldest first.
    static func make(
        lab: Lab, activities: [LearnerActivity], attempts: [Int64: [VerifyAttemptSummary]] = [:],
        raisedHands: [Int64: RaisedHand] = [:], rule: StuckRule = StuckRule(), now: Date, funnel: [StepFunnel]? = nil
    ) -> ClassBoard {
        // A few rows against the whole class's funnel (the live stream) pass it in; the funnel of a few would lie.
        let funnel = funnel ?? StepFunnel.make(lab: lab, activities: activities, attempts: attempts)
        let funnelByStep = Dictionary(uniqueKeysWithValues: funnel.map { ($0.stepID, $0) })
        let rows = activities.map { activity in
            let id = activity.learner.id ?? 0
            let learnerAttempts = attempts[id] ?? []
            let attemptsByStep = learnerAttempts.isEmpty ? [:] : Dictionary(grouping: learnerAttempts, by: \.stepID)
            let cells = lab.steps.map { step in
                cell(progress: activity.progress[step.id], attempts: attemptsByStep[step.id] ?? [])
            }
            let completed = cells.count { $0.state == .completed || $0.state == .verified }
            let current = activity.currentStepID.flatMap(lab.step(id:))
            let currentCell = current.flatMap { lab.stepIndex(id: $0.id) }.map { cells[$0] }
            let verified = Set(cells.indices.filter { cells[$0].state == .verified }.map { lab.steps[$0].id })
            let hand = raisedHands[id].flatMap { $0.labID == lab.id ? $0 : nil }
            let stuck = rule.assess(
                step: current, since: activity.currentStepSince,
                isStepDone: currentCell.map { $0.state == .completed || $0.state == .verified } ?? false,
                classMedian: current.flatMap { funnelByStep[$0.id]?.medianTime },
                completions: current.flatMap { funnelByStep[$0.id]?.completed } ?? 0, attempts: learnerAttempts,
                verifiedSteps: verified, now: now)
            return Row(
                learner: activity.learner, cells: cells, currentStep: current, currentStepSince: activity.currentStepSince,
                lastActivityAt: activity.lastActivityAt, completedSteps: completed,
                percent: lab.steps.isEmpty ? 0 : completed * 100 / lab.steps.count, stuck: stuck,
                raisedHand: hand, raisedHandStepTitle: hand.map { lab.step(id: $0.stepID)?.title ?? $0.stepID })
        }
        return ClassBoard(lab: lab, rows: rows, funnel: funnel, now: now)
    }

    /// A step's cell: verified beats completed; a failed last attempt shows as failed verify until one passes.
    static func cell(progress: StepProgress?, attempts: [VerifyAttemptSummary]) -> Cell {
        let state: CellState
        if progress?.isVerified == true || attempts.contains(where: \.isPassed) {
            state = .verified
        } else if let last = attempts.last, !last.isPassed {
            state = .failedVerify
        } else if progress?.isCompleted == true {
            state = .completed
        } else if progress != nil {
            state = .viewed
        } else {
            state = .notStarted
        }
        return Cell(state: state, attempts: attempts.count)
    }

    /// Stuck learners first (raised hands among them first), then everyone else in `order`.
    func sorted(by order: RowOrder) -> [Row] {
        // Indices are sorted, not rows: a row carries its 29 cells, and the sort moves each many times.
        rows.indices.sorted { left, right in
            let (a, b) = (rows[left], rows[right])
            switch order {
            case .stuckFirst:
                let rankA = (a.stuck != nil ? 0 : 2) + (a.raisedHand != nil ? 0 : 1)
                let rankB = (b.stuck != nil ? 0 : 2) + (b.raisedHand != nil ? 0 : 1)
                if rankA != rankB { return rankA < rankB }
            case .progress:
                if a.completedSteps != b.completedSteps { return a.completedSteps > b.completedSteps }
            case .lastActivity:
                let (atA, atB) = (a.lastActivityAt ?? .distantPast, b.lastActivityAt ?? .distantPast)
                if atA != atB { return atA > atB }
            }
            return left < right
        }.map { rows[$0] }
    }

    enum RowOrder: String, Sendable, CaseIterable {
        case stuckFirst = "stuck"
        case progress
        case lastActivity = "activity"
    }
}
