public import LabContent
public import LabStore

extension JobRegistry {
    /// The kinds that work on learners' lab resources, as the server and the CLI both register them.
    public mutating func registerLabJobs(database: AppDatabase, labs: LabLibrary, targets: LearnerTargets) {
        register(ProvisionJob(database: database, labs: labs, targets: targets))
        register(CleanupJob(database: database, labs: labs, targets: targets))
        register(VerifyJob(database: database, labs: labs, targets: targets))
    }
}
