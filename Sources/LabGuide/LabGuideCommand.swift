import ArgumentParser

/// `labguide`: the command line. Each subcommand parses its flags and calls into the libraries.
@main
struct LabGuideCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "labguide",
        abstract: "A self-hosted lab guide server: step-by-step cloud labs with one-click verify.",
        subcommands: [
            ServeCommand.self, CheckCommand.self, SimulateCommand.self, AWSCommand.self, ProvisionCommand.self,
            CleanupCommand.self, VerifyCommand.self, JobsCommand.self, BenchJobsCommand.self,
            InstructorKeyCommand.self,
        ],
        defaultSubcommand: nil)
}
