import Yams

/// YAML text composed into Yams nodes, which keep the line of every key and value for diagnostics.
struct YAMLDocument {
    /// Nil for an empty document.
    let root: Node?

    /// Parses `text`, reporting a syntax error at the line Yams gives (shifted into the real file).
    static func parse(_ text: String, file: SourceFile, log: inout DiagnosticLog) -> YAMLDocument? {
        do {
            return YAMLDocument(root: try Yams.compose(yaml: text))
        } catch let error as YamlError {
            log.report(syntaxError(error, file: file, text: text))
            return nil
        } catch {
            log.report(file, line: 1, "cannot read YAML: \(error)")
            return nil
        }
    }

    private static func syntaxError(_ error: YamlError, file: SourceFile, text: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = "YAML syntax error: \(problem)"
            if let context {
                message += " (\(context.text) at line \(context.mark.line + file.lineOffset))"
            }
            return file.diagnostic(line: mark.line, message)
        case .reader(let problem, let offset, _, _):
            let line = offset.map { offset in text.prefix(offset).count { $0 == "\n" } + 1 } ?? 1
            return file.diagnostic(line: line, "YAML cannot be read: \(problem)")
        default:
            return file.diagnostic(line: 1, "YAML cannot be read: \(error)")
        }
    }
}

extension Node.Scalar {
    /// The resolved tag (`int`, `bool`, `str` …): plain scalars come from the parser untagged, quoted ones as `str`.
    var tagName: Tag.Name { Resolver.default.resolveTag(of: .scalar(self)) }
}

extension Node {
    /// The 1-based line of the node within the parsed text.
    var line: Int { mark?.line ?? 1 }

    /// True for an empty value (`key:` with nothing after it, or `~`/`null`).
    var isNull: Bool {
        guard case .scalar(let scalar) = self else { return false }
        return scalar.tagName == .null && scalar.style == .plain
    }

    /// The value as written when it is a scalar (`'three'`), otherwise its kind, for "must be …, not …" messages.
    var valueDescription: String {
        if case .scalar(let scalar) = self, !isNull { return "'\(scalar.string)'" }
        return kindDescription
    }

    /// A short name for the node's type, for "must be …, not …" messages.
    var kindDescription: String {
        switch self {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar(let scalar):
            switch scalar.tagName {
            case .null: "empty"
            case .bool: "a boolean"
            case .int: "an integer"
            case .float: "a number"
            default: "text"
            }
        }
    }
}
