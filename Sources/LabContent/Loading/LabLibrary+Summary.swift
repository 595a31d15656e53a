extension LabLibrary {
    /// One line for `labguide check`: `labs: 1 lab, 7 exercises, 26 steps, 31 checks — no problems`.
    public func summary(directoryName: String) -> String {
        let exercises = labs.reduce(0) { $0 + $1.exercises.count }
        let steps = labs.reduce(0) { $0 + $1.steps.count }
        let checks = labs.reduce(0) { total, lab in total + lab.steps.reduce(0) { $0 + $1.checks.count } }
        let counts = [
            Self.count(labs.count, "lab"), Self.count(exercises, "exercise"), Self.count(steps, "step"),
            Self.count(checks, "check"),
        ]
        return "\(directoryName): \(counts.joined(separator: ", ")) — no problems"
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
