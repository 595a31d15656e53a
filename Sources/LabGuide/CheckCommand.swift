import ArgumentParser
import Foundation
import LabContent

/// `labguide check [DIR]`: validates every lab the way `serve` would load it, for authors and CI.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate every lab and print one path:line: message line per problem.",
        discussion: "Exits 1 if there is any problem, and 0 with a one-line summary if there is none."
    )

    @Argument(help: ArgumentHelp("The labs directory (default: $LABGUIDE_LABS, then 'labs').", valueName: "dir"))
    var directory: String?

    func run() throws {
        let path = directory ?? ProcessInfo.processInfo.environment["LABGUIDE_LABS"] ?? "labs"
        do {
            let library = try LabLibrary.load(from: URL(fileURLWithPath: path))
            print(library.summary(directoryName: path))
        } catch {
            var standardError = StandardError()
            for diagnostic in error.diagnostics {
                print(diagnostic, to: &standardError)
            }
            throw ExitCode(1)
        }
    }
}

/// Standard error as a text stream, so diagnostics do not mix with the summary on standard output.
private struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}
