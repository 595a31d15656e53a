public import Foundation

/// A lab as loaded from `labs/<id>/`: metadata, exercises in reading order, and the variables its text uses.
public struct Lab: Sendable, Identifiable {
    public let id: String
    public let title: String
    public let summary: String
    public let estimatedMinutes: Int
    public let estimatedCost: String
    /// A prominent notice shown on the overview and every step (the App Mesh end of support, for instance).
    public let notice: RenderedMarkdown?
    /// Variables the lab declares on top of the built-ins, in declaration order.
    public let declaredVariables: [DeclaredVariable]
    public let exercises: [Exercise]
    /// The lab's folder; assets are served from `assets/` inside it.
    public let directory: URL
    /// The base infrastructure a provision job creates for a learner, in the order `lab.yaml` lists it.
    public let provision: [ResourceDeclaration]
    /// What running resources cost, for the "still running" panel.
    public let prices: LabPrices

    public init(
        id: String, title: String, summary: String, estimatedMinutes: Int, estimatedCost: String,
        notice: RenderedMarkdown?, declaredVariables: [DeclaredVariable], exercises: [Exercise], directory: URL,
        provision: [ResourceDeclaration] = [], prices: LabPrices = .none
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.estimatedMinutes = estimatedMinutes
        self.estimatedCost = estimatedCost
        self.notice = notice
        self.declaredVariables = declaredVariables
        self.exercises = exercises
        self.directory = directory
        self.provision = provision
        self.prices = prices
        self.steps = exercises.flatMap(\.steps)
        self.stepIndexByID = Dictionary(uniqueKeysWithValues: steps.enumerated().map { ($1.id, $0) })
    }

    /// Every step of every exercise, in reading order.
    public let steps: [Step]
    private let stepIndexByID: [String: Int]

    public func step(id: String) -> Step? {
        stepIndexByID[id].map { steps[$0] }
    }

    /// The position of a step in reading order, for previous/next navigation.
    public func stepIndex(id: String) -> Int? {
        stepIndexByID[id]
    }

    public func exercise(id: String) -> Exercise? {
        exercises.first { $0.id == id }
    }
}

/// A variable declared in `lab.yaml`, whose value is a template over the built-ins and earlier variables.
public struct DeclaredVariable: Sendable {
    public let name: String
    public let template: TextTemplate

    public init(name: String, template: TextTemplate) {
        self.name = name
        self.template = template
    }
}
