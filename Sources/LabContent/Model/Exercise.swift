/// A group of steps with one goal, such as "Exercise 3: Asynchronous messaging".
public struct Exercise: Sendable, Identifiable {
    public let id: String
    public let title: String
    public let summary: String
    public let steps: [Step]

    public init(id: String, title: String, summary: String, steps: [Step]) {
        self.id = id
        self.title = title
        self.summary = summary
        self.steps = steps
    }
}
