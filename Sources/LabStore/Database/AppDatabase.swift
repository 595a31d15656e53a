public import GRDB

/// The application database: learners, sessions, progress and events, behind intent-named methods.
///
/// All SQL stays inside `LabStore`, so moving to another backend later is a new type, not a rewrite of callers.
/// Open one `AppDatabase` per file: its read cache relies on every write going through it.
public struct AppDatabase: Sendable {
    let writer: any DatabaseWriter
    /// Shared by copies of this value: page loads read sessions and progress from memory, writes keep it current.
    let cache = ReadCache()
    /// Moves on with every commit that inserted learner events: the instructor's stream waits on it.
    public let eventsChanged = StoreChangeSignal()
    /// Moves on with every commit that changed broadcasts, holds or raised hands: learner pages wait on it.
    public let classStateChanged = StoreChangeSignal()
    let classStateCache = ClassStateCache()

    /// Wraps a connection and brings its schema up to date.
    public init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        try Self.migrator.migrate(writer)
        writer.add(
            transactionObserver: StoreChangeObserver(events: eventsChanged, classState: classStateChanged),
            extent: .databaseLifetime)
    }

    /// A fresh in-memory database, for tests.
    public static func makeInMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: makeConfiguration()))
    }

    static func makeConfiguration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // Several request handlers may read while one writes; wait briefly instead of failing with SQLITE_BUSY.
        configuration.busyMode = .timeout(5)
        return configuration
    }
}

extension AppDatabase {
    /// A trivial read, for health checks: proves the file is open and readable.
    public func ping() async throws {
        _ = try await writer.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
    }
}
