import Foundation
import LabContent
import LabStore

/// `/instructor` as its template sees it; the matrix and the chart come as HTML written by `MatrixTable` and
/// `FunnelChart` (escaped there), the rest as plain values Mustache escapes.
struct InstructorPageView: Sendable {
    struct Option: Sendable {
        let id: String
        let title: String
        let isSelected: Bool
    }

    struct Listed: Sendable {
        let learnerID: Int64
        let name: String
        let stepTitle: String
        let summary: String
        let message: String?
    }

    struct Broadcast: Sendable {
        let id: Int64
        let html: String
        let scope: String
    }

    let chrome: PageChrome
    let labID: String
    let labTitle: String
    let learnerCount: Int
    let lastEventID: Int64
    let matrixHTML: String
    let funnelSVG: String
    let funnelSummary: [String]
    let exercises: [Option]
    let steps: [Option]
    let sorts: [Option]
    let exerciseID: String
    let stuck: [Listed]
    let hands: [Listed]
    let broadcasts: [Broadcast]
    let holdTitle: String?
    let hasHands: Bool
    let hasStuck: Bool
    let health: InstructorHealthDTO
    let broadcastLimit = BroadcastText.maximumLength

    init(
        board: ClassBoard, order: ClassBoard.RowOrder, exerciseID: String?, state: ClassState, lastEventID: Int64,
        labs: [Lab], health: InstructorHealthDTO, chrome: PageChrome
    ) {
        let lab = board.lab
        self.chrome = chrome
        labID = lab.id
        labTitle = lab.title
        learnerCount = board.rows.count
        self.lastEventID = lastEventID
        self.exerciseID = exerciseID ?? ""
        matrixHTML = MatrixTable(lab: lab, exerciseID: exerciseID, now: board.now).table(board.sorted(by: order))
        funnelSVG = FunnelChart.svg(board.funnel, classSize: board.rows.count)
        funnelSummary = board.funnel.enumerated().map { FunnelChart.summary($1, number: $0 + 1) }
        exercises = lab.exercises.map { Option(id: $0.id, title: $0.title, isSelected: $0.id == exerciseID) }
        steps = lab.steps.map { Option(id: $0.id, title: $0.title, isSelected: false) }
        sorts = [
            Option(id: "stuck", title: "Stuck first", isSelected: order == .stuckFirst),
            Option(id: "progress", title: "Progress", isSelected: order == .progress),
            Option(id: "activity", title: "Last activity", isSelected: order == .lastActivity),
        ]
        stuck = board.rows.compactMap { row in
            row.stuck.map { reason in
                Listed(
                    learnerID: row.learner.id ?? 0, name: row.learner.name,
                    stepTitle: lab.step(id: reason.stepID)?.title ?? reason.stepID, summary: reason.summary,
                    message: reason.lastFailedCheck.map { "\($0.name): \($0.message)" })
            }
        }
        hands = board.rows.compactMap { row in
            row.raisedHand.map { hand in
                Listed(
                    learnerID: row.learner.id ?? 0, name: row.learner.name,
                    stepTitle: row.raisedHandStepTitle ?? hand.stepID,
                    summary: "since \(MatrixTable.duration(board.now.timeIntervalSince(hand.raisedAt))) ago", message: nil)
            }
        }
        broadcasts = state.broadcasts.filter { $0.labID == lab.id }.map {
            Broadcast(
                id: $0.id ?? 0, html: BroadcastText.html($0.body),
                scope: $0.stepID.map { id in "step “\(lab.step(id: id)?.title ?? id)”" } ?? "everyone")
        }
        holdTitle = state.holds[lab.id].map { hold in lab.exercise(id: hold.exerciseID)?.title ?? hold.exerciseID }
        self.health = health
        hasHands = !hands.isEmpty
        hasStuck = !stuck.isEmpty
    }
}

/// `/instructor/sign-in`: one field for the key; the link's `#key=` fills it.
struct InstructorSignInView: Sendable {
    let chrome: PageChrome
    let message: String?
}
