import GRDB

extension AppDatabase {
    /// The job queue's tables: jobs, their logs, and the ledger of resources jobs created.
    ///
    /// The partial indexes carry the queue's rules: one active job per unique key, ready jobs in claim order, and
    /// running jobs by learner and kind (the one-at-a-time rule) and by lease expiry (rescue).
    static func registerJobMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-jobs-logs-ledger") { db in
            try db.create(table: "job") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("kind", .text).notNull()
                table.column("learnerId", .integer)
                table.column("labId", .text)
                table.column("uniqueKey", .text)
                table.column("state", .text).notNull()
                table.column("priority", .integer).notNull().defaults(to: 0)
                table.column("attempt", .integer).notNull().defaults(to: 0)
                table.column("maxAttempts", .integer).notNull()
                table.column("runAt", .datetime).notNull()
                table.column("arguments", .text).notNull()
                table.column("result", .text)
                table.column("errors", .text).notNull().defaults(to: "[]")
                table.column("progressCompleted", .integer).notNull().defaults(to: 0)
                table.column("progressTotal", .integer).notNull().defaults(to: 0)
                table.column("progressMessage", .text)
                table.column("isCancelRequested", .boolean).notNull().defaults(to: false)
                table.column("leaseOwner", .text)
                table.column("leaseExpiresAt", .datetime)
                table.column("createdAt", .datetime).notNull()
                table.column("startedAt", .datetime)
                table.column("finishedAt", .datetime)
            }
            let active = JobState.sqlList(JobState.allCases.filter(\.isActive))
            let claimable = JobState.sqlList(JobState.claimable)
            try db.execute(
                sql: """
                    CREATE UNIQUE INDEX job_active_unique_key ON job (uniqueKey)
                        WHERE uniqueKey IS NOT NULL AND state IN (\(active));
                    CREATE INDEX job_ready ON job (priority, runAt, id) WHERE state IN (\(claimable));
                    CREATE INDEX job_running_learner_kind ON job (learnerId, kind) WHERE state = 'running';
                    CREATE INDEX job_running_lease ON job (leaseExpiresAt) WHERE state = 'running';
                    CREATE INDEX job_finished ON job (finishedAt) WHERE finishedAt IS NOT NULL;
                    CREATE INDEX job_state ON job (state, id);
                    CREATE INDEX job_learner ON job (learnerId, id);
                    """)
            try db.create(table: "jobLog") { table in
                table.autoIncrementedPrimaryKey("id")
                table.belongsTo("job", onDelete: .cascade).notNull()
                table.column("at", .datetime).notNull()
                table.column("level", .text).notNull()
                table.column("message", .text).notNull()
                table.column("fields", .text).notNull().defaults(to: "{}")
            }
            try db.create(table: "ledgerEntry") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("learnerId", .integer).notNull()
                table.column("labId", .text).notNull()
                table.column("kind", .text).notNull()
                table.column("name", .text).notNull()
                table.column("identifier", .text).notNull()
                table.column("jobId", .integer)
                table.column("createdAt", .datetime).notNull()
                table.column("removedAt", .datetime)
            }
            try db.create(index: "ledgerEntry_learner_lab", on: "ledgerEntry", columns: ["learnerId", "labId"])
        }
    }
}
