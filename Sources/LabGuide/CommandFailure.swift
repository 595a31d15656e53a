import ArgumentParser
import Foundation
import LabContent
import LabStore

/// One clear line on stderr and a non-zero exit: how every command reports a problem it cannot fix.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ message: String) {
        description = message
    }
}

/// Loads the labs, or prints each `path:line: message` and exits 1 (the same lines `labguide check` prints).
func loadLabsOrExit(from path: String) throws -> LabLibrary {
    do {
        return try LabLibrary.load(from: URL(fileURLWithPath: path))
    } catch {
        for diagnostic in error.diagnostics {
            FileHandle.standardError.write(Data("\(diagnostic)\n".utf8))
        }
        FileHandle.standardError.write(
            Data("labguide: \(error.diagnostics.count) problem(s) in \(path); not starting\n".utf8))
        throw ExitCode(1)
    }
}

func openDatabaseOrExit(atPath path: String) throws -> AppDatabase {
    do {
        return try AppDatabase.openFile(atPath: path)
    } catch {
        FileHandle.standardError.write(Data("labguide: \(error)\n".utf8))
        throw ExitCode(1)
    }
}
