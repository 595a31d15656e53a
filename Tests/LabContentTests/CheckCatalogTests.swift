import Foundation
import Testing

@testable import LabContent

/// The catalog must say exactly what the table in `labs/README.md` says, since authors write checks from it.
@Suite("Check catalog")
struct CheckCatalogTests {
    struct DocumentedCheck: Equatable, CustomStringConvertible {
        let name: String
        let parameters: [String]
        let isSupportedByEmulator: Bool

        var description: String { "\(name)(\(parameters.joined(separator: ", "))) emulator: \(isSupportedByEmulator)" }
    }

    /// Rows of the README's check table, each parameter written as `name`, `name?`, with `: type` when not text.
    static func documentedChecks() throws -> [DocumentedCheck] {
        let readme = try String(
            contentsOf: Fixtures.repositoryLabs.appendingPathComponent("README.md"), encoding: .utf8)
        return readme.split(separator: "\n").compactMap { line -> DocumentedCheck? in
            let columns = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard columns.count == 3, columns[0].hasPrefix("`"), columns[2] == "yes" || columns[2] == "no" else {
                return nil
            }
            return DocumentedCheck(
                name: columns[0].trimmingCharacters(in: CharacterSet(charactersIn: "`")),
                parameters: parameters(in: columns[1]), isSupportedByEmulator: columns[2] == "yes")
        }
    }

    /// Splits "`a`, `b?` (integer), `c` (`x`, `y` or `z`)" at the commas outside parentheses.
    static func parameters(in column: String) -> [String] {
        var items: [String] = []
        var current = ""
        var depth = 0
        for character in column {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if character == ",", depth == 0 {
                items.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        items.append(current)
        return items.map { item in
            let trimmed = item.trimmingCharacters(in: .whitespaces)
            let name = trimmed.split(separator: "`", omittingEmptySubsequences: true).first.map(String.init) ?? ""
            let note = trimmed.firstIndex(of: "(").map { String(trimmed[$0...]) } ?? ""
            let type: String
            if note.hasPrefix("(integer") {
                type = ": integer"
            } else if note.hasPrefix("(list") {
                type = ": list"
            } else if note.hasPrefix("(boolean") {
                type = ": boolean"
            } else if note.contains("`") {
                type =
                    ": "
                    + note.split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
                    .joined(separator: "|")
            } else {
                type = ""
            }
            return name + type
        }
    }

    static func catalogChecks() -> [DocumentedCheck] {
        CheckCatalog.specifications.map { specification in
            DocumentedCheck(
                name: specification.name,
                parameters: specification.parameters.map { parameter in
                    let name = parameter.name + (parameter.isRequired ? "" : "?")
                    switch parameter.type {
                    case .text: return name
                    case .integer: return name + ": integer"
                    case .boolean: return name + ": boolean"
                    case .list: return name + ": list"
                    case .oneOf(let choices): return name + ": " + choices.joined(separator: "|")
                    }
                },
                isSupportedByEmulator: specification.isSupportedByEmulator)
        }
    }

    @Test("names, parameters, types and emulator support match labs/README.md")
    func matchesReadme() throws {
        let documented = try Self.documentedChecks()
        #expect(documented.count == 22)
        #expect(Self.catalogChecks() == documented)
    }

    @Test("every summary uses only the check's own required parameters, and clauses their optional one")
    func summariesUseParameters() {
        for specification in CheckCatalog.specifications {
            let required = Set(specification.parameters.filter(\.isRequired).map(\.name))
            #expect(Set(TextTemplate(specification.summary).variableNames).isSubset(of: required), "\(specification.name)")
            for parameter in specification.parameters where !parameter.isRequired {
                #expect(TextTemplate(parameter.summaryClause ?? "").variableNames == [parameter.name], "\(specification.name)")
            }
        }
    }

    @Test("summaries add optional clauses and join lists")
    func summaryWithOptionalParameters() throws {
        let specification = try #require(CheckCatalog.specification(named: "messaging.fan-out"))
        let summary = specification.makeSummary(arguments: [
            "topic": .text("{{prefix}}orders"), "eventType": .text("OrderPlaced"),
            "deliveredTo": .list(["{{prefix}}inventory", "{{prefix}}email"]), "notDeliveredTo": .list(["{{prefix}}sms"]),
        ])
        #expect(
            summary.render(LearnerVariables(["prefix": .init("p-")]))
                == "an event of type OrderPlaced published to topic p-orders reaches p-inventory, p-email and not p-sms")
        #expect(!CheckCatalog.isSupportedByEmulator("ecs.service-connect"))
        #expect(CheckCatalog.specification(named: "nope") == nil)
    }
}
