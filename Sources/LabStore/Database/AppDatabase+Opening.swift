public import Foundation
import GRDB

/// Why the database file could not be used, in words an operator can act on.
public struct DatabaseOpeningError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String

    public var description: String { "cannot open database \(path): \(reason)" }
}

extension AppDatabase {
    /// Opens (creating if needed) the database file in WAL mode and migrates it.
    ///
    /// WAL lets page reads run while a completion is written, and a committed write survives a `kill -9`.
    /// `synchronous = NORMAL` keeps that (the WAL is fsynced at checkpoints, not at every commit): only a power loss
    /// can drop the last commits, and each commit no longer waits for the disk, which the job queue needs.
    public static func openFile(atPath path: String) throws(DatabaseOpeningError) -> AppDatabase {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DatabaseOpeningError(path: path, reason: "the folder \(directory) does not exist")
        }
        do {
            var configuration = makeConfiguration()
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
            let pool = try DatabasePool(path: path, configuration: configuration)
            return try AppDatabase(pool)
        } catch let error as DatabaseError {
            throw DatabaseOpeningError(path: path, reason: describe(error))
        } catch {
            throw DatabaseOpeningError(path: path, reason: String(describing: error))
        }
    }

    private static func describe(_ error: DatabaseError) -> String {
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: "the file is not a LabGuide database or is corrupt (\(error.resultCode))"
        case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM:
            "the file cannot be created or written (\(error.resultCode)); check the path and its permissions"
        default: error.message ?? "\(error.resultCode)"
        }
    }
}
