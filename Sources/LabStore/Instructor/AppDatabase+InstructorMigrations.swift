import GRDB

extension AppDatabase {
    /// The instructor's tables: the key's hash, instructor sessions, and the class state they steer (broadcasts,
    /// holds, raised hands). Append-only like every migration: a change is a new one.
    static func registerInstructorMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4-instructor-access-and-class-actions") { db in
            try db.create(table: "instructorCredential") { table in
                // One row: the key in use. A rotation replaces it.
                table.primaryKey("id", .integer).check { $0 == 1 }
                table.column("keyHash", .text).notNull()
                table.column("isOneTime", .boolean).notNull()
                table.column("createdAt", .datetime).notNull()
                table.column("usedAt", .datetime)
            }
            try db.create(table: "instructorSession") { table in
                table.primaryKey("tokenHash", .text)
                table.column("createdAt", .datetime).notNull()
                table.column("expiresAt", .datetime).notNull()
            }
            try db.create(table: "classBroadcast") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("labId", .text).notNull()
                table.column("stepId", .text)
                table.column("body", .text).notNull()
                table.column("createdAt", .datetime).notNull()
                table.column("withdrawnAt", .datetime)
            }
            try db.create(table: "classHold") { table in
                table.primaryKey("labId", .text)
                table.column("exerciseId", .text).notNull()
                table.column("heldAt", .datetime).notNull()
            }
            try db.create(table: "raisedHand") { table in
                table.primaryKey("learnerId", .integer).references("learner", onDelete: .cascade)
                table.column("labId", .text).notNull()
                table.column("stepId", .text).notNull()
                table.column("raisedAt", .datetime).notNull()
            }
            // The class view reads each learner's latest events, and its stream tails the table by id.
            try db.create(index: "event_on_labId_kind_learnerId", on: "event", columns: ["labId", "kind", "learnerId"])
            try db.create(index: "event_on_learnerId_id", on: "event", columns: ["learnerId", "id"])
        }
    }
}
