/// The variable names a piece of lab text may use, and the reason when it uses another.
struct VariableScope: Sendable {
    /// Names usable here: the built-ins plus the lab's declared variables (or, for a declaration, those above it).
    let names: Set<String>
    /// Declared variables that exist but come later, so a declaration using one gets a precise message.
    let laterNames: Set<String>

    init(names: Set<String>, laterNames: Set<String> = []) {
        self.names = names
        self.laterNames = laterNames
    }

    static let builtins = VariableScope(names: Set(BuiltinVariable.allCases.map(\.rawValue)))

    /// Nil when `name` may be used here, otherwise the message for the author.
    func problem(using name: String) -> String? {
        if names.contains(name) { return nil }
        if laterNames.contains(name) {
            return
                "variable '\(name)' is declared further down; a variable may only use built-ins and variables declared above it"
        }
        return name.withSuggestion(from: names.sorted(), "unknown variable '\(name)'")
    }

    /// Reports every unknown variable and unterminated `{{` in `tokens`, at `firstLine` plus the token's line.
    func validate(_ tokens: [TemplateScanner.Token], file: SourceFile, firstLine: Int, log: inout DiagnosticLog) {
        for token in tokens {
            switch token {
            case .text: break
            case .variable(let name, let line):
                if let problem = problem(using: name) { log.report(file, line: firstLine + line, problem) }
            case .unterminated(let line):
                log.report(file, line: firstLine + line, "'{{' is not closed by '}}' (write \\{{ for a literal {{)")
            }
        }
    }
}
