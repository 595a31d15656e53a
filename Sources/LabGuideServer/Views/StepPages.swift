import Hummingbird
import LabContent
import LabStore

/// Every step page of every lab, rendered from `Templates/step.mustache` once at start-up into a blueprint.
///
/// The step's Markdown is rendered into the blueprint too, with markers for the lab's variables, so a request
/// only copies fixed bytes and writes the learner's escaped values: the template and the Markdown segments are
/// never walked per request, which was most of the cost of a page.
struct StepPages: Sendable {
    private struct LabPages: Sendable {
        /// Builtin and declared variable names; a `.variable(index:)` slot indexes this list.
        let variableNames: [String]
        let steps: [Page]
        /// The same pages as a held class sees them: the step's content replaced by the hold notice.
        let heldSteps: [Page]
    }

    private struct Page: Sendable {
        let blueprint: PageBlueprint<StepPageSlot>
        /// The page's size with placeholder values: what to reserve so the buffer is allocated once.
        let expectedByteCount: Int
    }

    /// A learner's own values, HTML-escaped once: they never change while the server runs.
    private struct LearnerValues: Sendable {
        let name: String
        let handle: String
        let prefix: String
        /// In `variableNames` order.
        let variables: [String]

        var estimatedBytes: Int {
            variables.reduce(name.utf8.count + handle.utf8.count + prefix.utf8.count) { $0 + 16 + $1.utf8.count }
        }
    }

    /// Kept in step with `complete-step.js` and `verify-step.js`, which add the same text in place.
    static let completionNote = #"<span class="visually-hidden"> (complete)</span>"#
    static let verifiedNote = #"<span class="visually-hidden"> (verified)</span>"#

    private let labs: [String: LabPages]
    private let learnerValues = LearnerLabCache<LearnerValues>(bytes: \.estimatedBytes)

    /// - Parameter sample: variables with the server's region and account, which decide which values are
    ///   placeholders (shown differently); only the learner's own names vary per request.
    init(
        library: LabLibrary, renderer: PageRenderer, sample: (Lab) -> LearnerVariables,
        embedsSimulator: (Step, Lab) -> Bool
    ) throws {
        var labs: [String: LabPages] = [:]
        for lab in library.labs {
            let sampleVariables = sample(lab)
            let names = sampleVariables.values.keys.sorted()
            func pages(isHeld: Bool) throws -> [Page] {
                try lab.steps.map { step in
                    let blueprint = try PageBlueprint<StepPageSlot> { markers in
                        var variables = LearnerVariables()
                        for (index, name) in names.enumerated() {
                            variables[name] = .init(
                                markers.marker(.variable(index: index)),
                                isPlaceholder: sampleVariables[name]?.isPlaceholder ?? false)
                        }
                        var view = StepPageView(
                            lab: lab, step: step, variables: variables, embedsSimulator: embedsSimulator(step, lab),
                            markers: &markers)
                        view.isHeld = isHeld
                        return try renderer.html("step", view)
                    }
                    return Page(blueprint: blueprint, expectedByteCount: blueprint.fixedByteCount + 2048)
                }
            }
            labs[lab.id] = LabPages(variableNames: names, steps: try pages(isHeld: false), heldSteps: try pages(isHeld: true))
        }
        self.labs = labs
    }

    /// One learner's page: their names in the commands, their ticks and progress, their form token.
    ///
    /// Throws 404 for a step that had no page at start-up (a `Lab` not from this library), never an empty page.
    func html(
        lab: Lab, step: Step, learner: Learner, progress: LabProgressSummary, variables: LearnerVariables,
        csrfToken: String, isHeld: Bool = false
    ) throws -> ByteBuffer {
        guard let pages = labs[lab.id], let index = lab.stepIndex(id: step.id), pages.steps.indices.contains(index)
        else {
            throw HTTPError(.notFound, message: "The lab “\(lab.title)” has no step called “\(step.id)”.")
        }
        let page = isHeld ? pages.heldSteps[index] : pages.steps[index]
        let values = learnerValues.value(for: learner, in: lab) {
            LearnerValues(
                name: learner.name.escapedForHTML, handle: learner.handle.escapedForHTML,
                prefix: learner.resourcePrefix.escapedForHTML,
                variables: pages.variableNames.map { (variables[$0]?.text ?? "{{\($0)}}").escapedForHTML })
        }
        var buffer = ByteBuffer()
        buffer.reserveCapacity(page.expectedByteCount)
        page.blueprint.write(into: &buffer) { slot in
            switch slot {
            case .learnerName: values.name
            case .learnerHandle: values.handle
            case .learnerPrefix: values.prefix
            // A form token is URL-safe base64 (`CSRFProtection` makes or accepts no other): nothing to escape.
            case .csrfToken: csrfToken
            case .completedSteps: String(progress.completedSteps)
            case .percent: String(progress.percent)
            case .completionClass(let stepIndex): progress.completionClass(atIndex: stepIndex)
            case .completionNote(let stepIndex):
                progress.verifiedByIndex[stepIndex]
                    ? Self.verifiedNote : progress.completedByIndex[stepIndex] ? Self.completionNote : ""
            case .variable(let index): values.variables[index]
            }
        }
        return buffer
    }
}
