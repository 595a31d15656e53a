import GRDB

/// Sees every commit on the writer connection and signals the class streams when it touched their tables.
///
/// A transaction observer rather than a call in each write method: learner events are inserted in several places
/// (joins, views, completions, jobs, Verify), and a write added later signals without anyone remembering to.
final class StoreChangeObserver: TransactionObserver, @unchecked Sendable {
    static let eventTables: Set<String> = ["event"]
    static let classStateTables: Set<String> = ["classBroadcast", "classHold", "raisedHand"]

    private let events: StoreChangeSignal
    private let classState: StoreChangeSignal
    /// Touched only on the writer's queue, which GRDB serialises: no lock needed.
    private var changedEvents = false
    private var changedClassState = false

    init(events: StoreChangeSignal, classState: StoreChangeSignal) {
        self.events = events
        self.classState = classState
    }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
        Self.eventTables.contains(eventKind.tableName) || Self.classStateTables.contains(eventKind.tableName)
    }

    func databaseDidChange(with event: DatabaseEvent) {
        if Self.eventTables.contains(event.tableName) { changedEvents = true } else { changedClassState = true }
    }

    func databaseDidCommit(_ db: Database) {
        // Class state first: a stream woken by the events then finds the cache already out of date.
        if changedClassState { classState.notify() }
        if changedEvents { events.notify() }
        changedEvents = false
        changedClassState = false
    }

    func databaseDidRollback(_ db: Database) {
        changedEvents = false
        changedClassState = false
    }
}
