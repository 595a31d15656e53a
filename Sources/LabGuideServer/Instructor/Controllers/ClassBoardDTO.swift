import Foundation
import Hummingbird
import LabContent
import LabStore

/// `GET /api/v1/instructor/labs/{lab}/class`: the matrix, the stuck learners and the funnel.
struct ClassBoardDTO: ResponseEncodable, Sendable {
    /// The same board with only one exercise's steps (cells and funnel included), for `?exercise=`.
    func onlyExercise(_ exerciseID: String?) -> ClassBoardDTO {
        guard let exerciseID else { return self }
        let kept = steps.indices.filter { steps[$0].exerciseId == exerciseID }
        let keptIDs = Set(kept.map { steps[$0].id })
        var copy = self
        copy.exercises = exercises.filter { $0.id == exerciseID }
        copy.steps = kept.map { steps[$0] }
        copy.rows = rows.map { row in
            var row = row
            row.cells = kept.map { row.cells[$0] }
            return row
        }
        copy.funnel = funnel.filter { keptIDs.contains($0.stepId) }
        return copy
    }

    struct StepColumn: Codable, Sendable {
        let id: String
        let title: String
        let exerciseId: String
        let number: Int
        let estimatedMinutes: Int?
    }

    struct ExerciseGroup: Codable, Sendable {
        let id: String
        let title: String
        let stepIds: [String]
    }

    let labId: String
    let generatedAt: Date
    /// The event id the board is current to: pass it as `after` to the event stream.
    let lastEventId: Int64
    var exercises: [ExerciseGroup]
    var steps: [StepColumn]
    var rows: [ClassRowDTO]
    var funnel: [StepFunnelDTO]
    let hold: HoldDTO?
}

/// One learner's row; `cells` follow the board's `steps`.
struct ClassRowDTO: Codable, Sendable, Equatable {
    struct Cell: Codable, Sendable, Equatable {
        /// `notStarted`, `viewed`, `completed`, `verified` or `failedVerify`.
        let state: String
        let attempts: Int
    }

    struct Stuck: Codable, Sendable, Equatable {
        /// `slow` or `failingCheck`.
        let kind: String
        let stepId: String
        let summary: String
        let lastFailedCheck: String?
        let lastFailedMessage: String?
    }

    struct Hand: Codable, Sendable, Equatable {
        let stepId: String
        let stepTitle: String
        let raisedAt: Date
    }

    let learnerId: Int64
    let name: String
    let handle: String
    let prefix: String
    let currentStepId: String?
    let currentStepTitle: String?
    let currentStepSince: Date?
    let lastActivityAt: Date?
    let completedSteps: Int
    let percent: Int
    var cells: [Cell]
    let stuck: Stuck?
    let raisedHand: Hand?

    init(_ row: ClassBoard.Row) {
        learnerId = row.learner.id ?? 0
        name = row.learner.name
        handle = row.learner.handle
        prefix = row.learner.resourcePrefix
        currentStepId = row.currentStep?.id
        currentStepTitle = row.currentStep?.title
        currentStepSince = row.currentStepSince
        lastActivityAt = row.lastActivityAt
        completedSteps = row.completedSteps
        percent = row.percent
        cells = row.cells.map { Cell(state: $0.state.rawValue, attempts: $0.attempts) }
        stuck = row.stuck.map {
            Stuck(
                kind: $0.kind.rawValue, stepId: $0.stepID, summary: $0.summary, lastFailedCheck: $0.lastFailedCheck?.name,
                lastFailedMessage: $0.lastFailedCheck?.message)
        }
        raisedHand = row.raisedHand.map {
            Hand(stepId: $0.stepID, stepTitle: row.raisedHandStepTitle ?? $0.stepID, raisedAt: $0.raisedAt)
        }
    }
}

struct StepFunnelDTO: Codable, Sendable {
    let stepId: String
    let title: String
    let reached: Int
    let completed: Int
    let verified: Int
    let medianSeconds: Int?
    let estimatedMinutes: Int?
    let mostFailingCheck: String?
    let mostFailingMessage: String?
    let mostFailingCount: Int?

    init(_ funnel: StepFunnel) {
        stepId = funnel.stepID
        title = funnel.title
        reached = funnel.reached
        completed = funnel.completed
        verified = funnel.verified
        medianSeconds = funnel.medianTime.map { Int($0.rounded()) }
        estimatedMinutes = funnel.estimatedMinutes
        mostFailingCheck = funnel.mostFailingCheck?.name
        mostFailingMessage = funnel.mostFailingCheck?.message
        mostFailingCount = funnel.mostFailingCheck?.failures
    }
}

struct HoldDTO: ResponseEncodable, Codable, Sendable {
    let exerciseId: String
    let exerciseTitle: String
    let heldAt: Date
}

extension ClassBoardDTO {
    init(board: ClassBoard, rows: [ClassBoard.Row], lastEventID: Int64, hold: ClassHold?) {
        let lab = board.lab
        labId = lab.id
        generatedAt = board.now
        lastEventId = lastEventID
        exercises = lab.exercises.map { ExerciseGroup(id: $0.id, title: $0.title, stepIds: $0.steps.map(\.id)) }
        steps = lab.steps.enumerated().map {
            StepColumn(
                id: $1.id, title: $1.title, exerciseId: $1.exerciseID, number: $0 + 1, estimatedMinutes: $1.estimatedMinutes)
        }
        self.rows = rows.map(ClassRowDTO.init)
        funnel = board.funnel.map(StepFunnelDTO.init)
        self.hold = hold.map { hold in
            HoldDTO(
                exerciseId: hold.exerciseID, exerciseTitle: lab.exercise(id: hold.exerciseID)?.title ?? hold.exerciseID,
                heldAt: hold.heldAt)
        }
    }
}
