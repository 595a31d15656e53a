/// What a check in `CheckCatalog` accepts, and how to say in one line what it looks at.
public struct CheckSpecification: Sendable {
    public enum ParameterType: Sendable, Equatable {
        /// Text, which may use learner variables.
        case text
        case integer
        case boolean
        /// A list of texts, each of which may use learner variables.
        case list
        /// One of a fixed set of words, such as a breaker state.
        case oneOf([String])
    }

    public struct Parameter: Sendable {
        public let name: String
        public let type: ParameterType
        public let isRequired: Bool
        /// For an optional parameter: the words added to the summary when it is given (` on port {{port}}`).
        public let summaryClause: String?
        /// For a parameter that names an AWS resource (a text, or each item of a list): what AWS accepts as that
        /// name, checked by `labguide check` for a sample learner.
        public let nameRule: AWSNameRule?

        init(
            _ name: String, _ type: ParameterType = .text, isRequired: Bool = true, clause: String? = nil,
            rule: AWSNameRule? = nil
        ) {
            self.name = name
            self.type = type
            self.isRequired = isRequired
            self.summaryClause = clause
            self.nameRule = rule
        }

        /// A required text parameter that names a resource of the kind `rule` describes.
        init(_ name: String, rule: AWSNameRule) {
            self.init(name, .text, rule: rule)
        }

        /// An optional parameter, adding `clause` to the summary when present.
        static func optional(
            _ name: String, _ type: ParameterType = .text, rule: AWSNameRule? = nil, clause: String
        ) -> Parameter {
            Parameter(name, type, isRequired: false, clause: clause, rule: rule)
        }

        /// The same parameter with `rule` as its name rule, for the resource catalog's table of rules.
        func withNameRule(_ rule: AWSNameRule?) -> Parameter {
            Parameter(name, type, isRequired: isRequired, clause: summaryClause, rule: rule)
        }
    }

    public let name: String
    public let parameters: [Parameter]
    /// False where the sandbox emulator (moto) cannot answer, so the page says so instead of failing.
    public let isSupportedByEmulator: Bool
    /// The summary, as a template over parameter names (`queue {{queue}} has a dead-letter queue …`).
    public let summary: String

    init(_ name: String, summary: String, isSupportedByEmulator: Bool = true, _ parameters: [Parameter]) {
        self.name = name
        self.summary = summary
        self.isSupportedByEmulator = isSupportedByEmulator
        self.parameters = parameters
    }

    public func parameter(named name: String) -> Parameter? {
        parameters.first { $0.name == name }
    }
}
