import ArgumentParser

/// `labguide aws …`: check the AWS setup LabGuide will use (credentials, region, endpoints) before a class starts.
struct AWSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aws",
        abstract: "Check the AWS credentials, region and endpoints LabGuide will use.",
        subcommands: [
            WhoamiCommand.self, DoctorCommand.self, BenchSignCommand.self, BenchCallsCommand.self,
            BenchProvisionCommand.self, BenchCleanupCommand.self, BenchVerifyCommand.self,
        ]
    )
}
