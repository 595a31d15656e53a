import GRDB

extension AppDatabase {
    /// Verify attempts and their check results, and the verified state of a step.
    static func registerVerifyMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-verify-attempts") { db in
            try db.create(table: "verifyAttempt") { table in
                table.autoIncrementedPrimaryKey("id")
                table.belongsTo("learner", onDelete: .cascade).notNull()
                table.column("labId", .text).notNull()
                table.column("stepId", .text).notNull()
                table.column("jobId", .integer).notNull()
                table.column("state", .text).notNull()
                table.column("checkCount", .integer).notNull()
                table.column("passedCount", .integer).notNull().defaults(to: 0)
                table.column("failedCount", .integer).notNull().defaults(to: 0)
                table.column("unsupportedCount", .integer).notNull().defaults(to: 0)
                table.column("errorCount", .integer).notNull().defaults(to: 0)
                table.column("startedAt", .datetime).notNull()
                table.column("finishedAt", .datetime)
                // One attempt per step per job: a second click that joins a running job finds it.
                table.uniqueKey(["jobId", "stepId"])
            }
            try db.create(
                index: "verifyAttemptByLearnerStep", on: "verifyAttempt", columns: ["learnerId", "labId", "stepId", "id"])
            try db.create(index: "verifyAttemptByLab", on: "verifyAttempt", columns: ["labId", "id"])
            try db.create(table: "checkResult") { table in
                table.belongsTo("attempt", inTable: "verifyAttempt", onDelete: .cascade).notNull()
                table.column("checkIndex", .integer).notNull()
                table.column("check", .text).notNull()
                table.column("status", .text).notNull()
                table.column("summary", .text).notNull()
                table.column("expected", .text)
                table.column("observed", .text)
                table.column("hint", .text)
                table.column("facts", .text).notNull()
                table.column("calls", .text).notNull()
                table.column("durationMs", .integer).notNull()
                table.column("retryAfterSeconds", .integer)
                table.column("finishedAt", .datetime).notNull()
                table.primaryKey(["attemptId", "checkIndex"])
            }
            try db.alter(table: "stepProgress") { table in
                table.add(column: "verifiedAt", .datetime)
            }
        }
    }
}
