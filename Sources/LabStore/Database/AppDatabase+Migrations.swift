import GRDB

extension AppDatabase {
    /// Append-only, named migrations: a shipped migration is never edited, a change is a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-learners-sessions-progress-events") { db in
            try db.create(table: "learner") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("name", .text).notNull()
                table.column("handle", .text).notNull().unique()
                table.column("resourcePrefix", .text).notNull().unique()
                table.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "session") { table in
                table.primaryKey("tokenHash", .text)
                table.belongsTo("learner", onDelete: .cascade).notNull()
                table.column("createdAt", .datetime).notNull()
                table.column("expiresAt", .datetime).notNull()
            }
            try db.create(table: "stepProgress") { table in
                table.belongsTo("learner", onDelete: .cascade).notNull()
                table.column("labId", .text).notNull()
                table.column("stepId", .text).notNull()
                table.column("status", .text).notNull()
                table.column("firstViewedAt", .datetime).notNull()
                table.column("completedAt", .datetime)
                table.primaryKey(["learnerId", "labId", "stepId"])
            }
            try db.create(table: "event") { table in
                table.autoIncrementedPrimaryKey("id")
                table.belongsTo("learner", onDelete: .cascade).notNull()
                table.column("kind", .text).notNull()
                table.column("labId", .text)
                table.column("stepId", .text)
                table.column("createdAt", .datetime).notNull()
            }
        }
        registerJobMigrations(in: &migrator)
        registerVerifyMigrations(in: &migrator)
        registerInstructorMigrations(in: &migrator)
        return migrator
    }
}
