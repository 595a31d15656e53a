import AWSClient

/// `cloudwatch.alarm` and `cloudwatch.dashboard`: the alarm's metric and namespace, and the dashboard's body.
enum MonitoringObservers {
    static func alarm(_ check: RenderedCheck, in environment: CheckEnvironment) async throws -> CheckOutcome {
        let name = try check.requiredText("alarm")
        let alarms = try await CloudWatchClient(runtime: environment.account.runtime).describeAlarms(names: [name]).collect()
        guard let alarm = alarms.first(where: { $0.alarmName == name }) else {
            return .failed(
                expected: "a CloudWatch alarm named \(name)",
                observed: "there is no CloudWatch alarm named \(name) in \(environment.account.region)",
                hint: "Alarm names are case-sensitive; putting an alarm with an existing name replaces it.")
        }
        let facts = [
            "MetricName": alarm.metricName, "Namespace": alarm.namespace, "StateValue": alarm.stateValue,
            "ComparisonOperator": alarm.comparisonOperator,
        ]
        var expected: [String] = []
        var observed: [String] = []
        if let metric = check.text("metric"), alarm.metricName != metric {
            expected.append("metric \(metric)")
            observed.append(alarm.metricName.isEmpty ? "no single metric" : "metric \(alarm.metricName)")
        }
        if let namespace = check.text("namespace"), alarm.namespace != namespace {
            expected.append("namespace \(namespace)")
            observed.append(alarm.namespace.isEmpty ? "no namespace" : "namespace \(alarm.namespace)")
        }
        guard !observed.isEmpty else { return .passed("CloudWatch alarm \(name) exists", facts: facts) }
        return .failed(
            expected: "an alarm on " + expected.joined(separator: " in "),
            observed: "CloudWatch alarm \(name) watches " + observed.joined(separator: " in "),
            hint: "Metric names and namespaces are case-sensitive, and a custom namespace is the one your code publishes to.",
            facts: facts)
    }

    static func dashboard(_ check: RenderedCheck, in environment: CheckEnvironment) async throws -> CheckOutcome {
        let name = try check.requiredText("dashboard")
        let body = try await nilIfNotFound {
            try await CloudWatchClient(runtime: environment.account.runtime).getDashboard(name: name)
        }
        guard let body else {
            return .failed(
                expected: "a CloudWatch dashboard named \(name)",
                observed: "there is no CloudWatch dashboard named \(name)",
                hint: "Dashboards are global to the account but their names are case-sensitive; list them to compare.")
        }
        let widgets = JSONValue(parsing: body)?.objects(at: "widgets").count ?? 0
        return .passed("CloudWatch dashboard \(name) exists", facts: ["widgets": String(widgets)])
    }
}
