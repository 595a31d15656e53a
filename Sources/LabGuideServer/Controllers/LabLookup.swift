import Hummingbird
import LabContent
import LabStore

/// Finds labs and steps named in a URL, with a 404 that says what was not found.
struct LabLookup: Sendable {
    let library: LabLibrary
    let configuration: AppConfiguration
    /// `lab/step` keys of steps whose Markdown embeds the simulator, found once so pages load its script only there.
    let stepsEmbeddingSimulator: Set<String>
    private let variablesCache = LearnerLabCache<LearnerVariables>(bytes: \.estimatedBytes)

    init(library: LabLibrary, configuration: AppConfiguration) {
        self.library = library
        self.configuration = configuration
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
        variablesCache.value(for: learner, in: lab) {
            lab.variables(
                prefix: learner.resourcePrefix, handle: learner.handle, region: configuration.region,
                accountId: configuration.accountID)
        }
    }

    /// Variables with this server's region and account and a made-up learner: which values are placeholders
    /// depends only on the server, so pages prepared at start-up use this.
    func sampleVariables(in lab: Lab) -> LearnerVariables {
        lab.variables(
            prefix: "sample-", handle: "sample", region: configuration.region, accountId: configuration.accountID)
    }
}
