import Foundation
import Hummingbird
import LabContent
import LabJobs
import LabStore

/// Finds labs and steps named in a URL, with a 404 that says what was not found.
struct LabLookup: Sendable {
    let library: LabLibrary
    let configuration: AppConfiguration
    /// Each learner's account id, and in the sandbox their endpoint and keys.
    let targets: LearnerTargets
    /// `lab/step` keys of steps whose Markdown embeds the simulator, found once so pages load its script only there.
    let stepsEmbeddingSimulator: Set<String>
    private let variablesCache = LearnerLabCache<LearnerVariables>(bytes: \.estimatedBytes)

    init(library: LabLibrary, configuration: AppConfiguration, targets: LearnerTargets? = nil) {
        self.library = library
        self.configuration = configuration
        self.targets = targets ?? .unconfigured(region: configuration.region, accountID: configuration.accountID)
        stepsEmbeddingSimulator = Set(
            library.labs.flatMap { lab in
                lab.steps.filter { $0.body.html(LearnerVariables()).contains(#"class="simulator-embed""#) }
                    .map { "\(lab.id)/\($0.id)" }
            })
    }

    func embedsSimulator(_ step: Step, in lab: Lab) -> Bool {
        stepsEmbeddingSimulator.contains("\(lab.id)/\(step.id)")
    }

    func lab(_ context: AppRequestContext) throws -> Lab {
        let id = context.parameters.get("lab") ?? ""
        guard let lab = library.lab(id: id) else {
            throw HTTPError(.notFound, message: "There is no lab called “\(id)”.")
        }
        return lab
    }

    func step(in lab: Lab, _ context: AppRequestContext) throws -> Step {
        let id = context.parameters.get("step") ?? ""
        guard let step = lab.step(id: id) else {
            throw HTTPError(.notFound, message: "The lab “\(lab.title)” has no step called “\(id)”.")
        }
        return step
    }

    /// The values this learner's commands are rendered with.
    func variables(for learner: Learner, in lab: Lab) -> LearnerVariables {
        variablesCache.value(for: learner, in: lab) { lab.variables(builtins: builtins(for: learner)) }
    }

    /// The built-ins alone, for pages outside a lab (the sandbox panel).
    func builtinVariables(for learner: Learner) -> LearnerVariables {
        var variables = LearnerVariables()
        for case (let builtin, let value?) in builtins(for: learner) { variables[builtin.rawValue] = .init(value) }
        return variables
    }

    /// Variables with this server's region and account and a made-up learner: which values are placeholders
    /// depends only on the server, so pages prepared at start-up use this.
    func sampleVariables(in lab: Lab) -> LearnerVariables {
        let sample = Learner(id: 0, name: "Sample", handle: "sample", resourcePrefix: "sample-", createdAt: .distantPast)
        return lab.variables(builtins: builtins(for: sample))
    }

    /// In the sandbox every learner has an account and keys of their own; on a real account all share one.
    private func builtins(for learner: Learner) -> [BuiltinVariable: String?] {
        targets.builtins(for: learner)
    }
}
