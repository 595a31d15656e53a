import AWSClient
import LabContent

extension AccountScanner {
    func scanRoles() async throws -> [FoundResource] {
        try await IAMClient(runtime: account.runtime).listRoles().collect()
            .filter { isOwned($0.name) }
            .map { FoundResource(kind: ResourceKind.role, name: $0.name, identifier: $0.name) }
    }

    /// The learner's log groups, and the log groups Lambda made for the learner's functions.
    func scanLogGroups() async throws -> [FoundResource] {
        let logs = CloudWatchLogsClient(runtime: account.runtime)
        let own = try await logs.describeLogGroups(prefix: account.prefix).collect()
        let lambda = try await logs.describeLogGroups(prefix: ResourceKind.lambdaLogGroupPath + account.prefix).collect()
        return (own + lambda).map {
            FoundResource(kind: ResourceKind.logGroup, name: $0.logGroupName, identifier: $0.logGroupName)
        }
    }

    func scanSecurityGroups() async throws -> [FoundResource] {
        try await EC2Client(runtime: account.runtime).describeSecurityGroups()
            .filter { isOwned($0.groupName) }
            .map { FoundResource(kind: ResourceKind.securityGroup, name: $0.groupName, identifier: $0.groupID) }
    }

    func scanSNS() async throws -> [FoundResource] {
        let sns = SNSClient(runtime: account.runtime)
        let topics = try await sns.listTopics().collect().filter { isOwned(Self.lastComponent($0, separator: ":")) }
        let subscriptions = try await sns.listSubscriptions().collect().filter { subscription in
            isOwned(Self.lastComponent(subscription.topicARN, separator: ":"))
                && subscription.subscriptionARN.hasPrefix("arn:")
        }
        let price = prices.snsPerMillionRequests
        return topics.map { arn in
            perRequest(
                FoundResource(kind: ResourceKind.topic, name: Self.lastComponent(arn, separator: ":"), identifier: arn),
                pricePerMillion: price)
        }
            + subscriptions.map { subscription in
                FoundResource(
                    kind: ResourceKind.subscription, name: Self.lastComponent(subscription.endpoint, separator: ":"),
                    identifier: subscription.subscriptionARN,
                    parent: Self.lastComponent(subscription.topicARN, separator: ":"))
            }
    }

    func scanQueues() async throws -> [FoundResource] {
        try await SQSClient(runtime: account.runtime).listQueues(prefix: account.prefix).collect()
            .map { url in
                let resource = FoundResource(
                    kind: ResourceKind.queue, name: Self.lastComponent(url, separator: "/"), identifier: url)
                return perRequest(resource, pricePerMillion: prices.sqsPerMillionRequests)
            }
            .filter { isOwned($0.name) }
    }

    func scanFunctions() async throws -> [FoundResource] {
        try await LambdaClient(runtime: account.runtime).listFunctions().collect()
            .filter { isOwned($0.FunctionName) }
            .map { function in
                perRequest(
                    FoundResource(kind: ResourceKind.function, name: function.FunctionName, identifier: function.FunctionArn),
                    pricePerMillion: prices.lambdaPerMillionRequests)
            }
    }

    func scanTables() async throws -> [FoundResource] {
        try await DynamoDBClient(runtime: account.runtime).listTables().collect()
            .filter { isOwned($0) }
            .map { FoundResource(kind: ResourceKind.table, name: $0, identifier: $0) }
    }

    func scanCloudWatch() async throws -> [FoundResource] {
        let cloudWatch = CloudWatchClient(runtime: account.runtime)
        let alarms = try await cloudWatch.describeAlarms(namePrefix: account.prefix).collect()
        let dashboards = try await cloudWatch.listDashboards(prefix: account.prefix).collect()
        return alarms.filter { isOwned($0.alarmName) }.map {
            FoundResource(kind: ResourceKind.alarm, name: $0.alarmName, identifier: $0.alarmName)
        }
            + dashboards.filter { isOwned($0) }.map { FoundResource(kind: ResourceKind.dashboard, name: $0, identifier: $0) }
    }

    static func lastComponent(_ text: String, separator: Character) -> String {
        String(text.split(separator: separator, omittingEmptySubsequences: false).last ?? Substring(text))
    }
}
