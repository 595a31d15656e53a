/// Amazon CloudWatch over the query protocol (2010-08-01), signed as `monitoring`.
public struct CloudWatchClient: Sendable {
    public let runtime: AWSRuntime
    static let service = ServiceDescriptor.cloudWatch
    static let version = "2010-08-01"

    public init(runtime: AWSRuntime) {
        self.runtime = runtime
    }

    public struct Dimension: Sendable, Equatable {
        public let name: String
        public let value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public struct MetricAlarm: Sendable, Equatable {
        public let alarmName: String
        public let alarmARN: String
        public let stateValue: String
        public let metricName: String
        public let namespace: String
        public let threshold: Double?
        public let comparisonOperator: String
    }

    public struct AlarmDefinition: Sendable {
        public var name: String
        public var namespace: String
        public var metricName: String
        public var statistic: String = "Sum"
        public var periodSeconds: Int = 60
        public var evaluationPeriods: Int = 1
        public var threshold: Double
        public var comparisonOperator: String = "GreaterThanOrEqualToThreshold"
        public var dimensions: [Dimension] = []
        public var alarmActions: [String] = []
        public var treatMissingData: String?

        public init(name: String, namespace: String, metricName: String, threshold: Double) {
            self.name = name
            self.namespace = namespace
            self.metricName = metricName
            self.threshold = threshold
        }
    }

    func parameters(_ action: String) -> QueryParameters {
        QueryParameters(action: action, version: Self.version)
    }

    public func putMetricAlarm(_ alarm: AlarmDefinition) async throws {
        var parameters = parameters("PutMetricAlarm")
        parameters.add("AlarmName", alarm.name)
        parameters.add("Namespace", alarm.namespace)
        parameters.add("MetricName", alarm.metricName)
        parameters.add("Statistic", alarm.statistic)
        parameters.add("Period", alarm.periodSeconds)
        parameters.add("EvaluationPeriods", alarm.evaluationPeriods)
        parameters.add("Threshold", alarm.threshold)
        parameters.add("ComparisonOperator", alarm.comparisonOperator)
        parameters.add("TreatMissingData", alarm.treatMissingData)
        Self.addDimensions(alarm.dimensions, prefix: "Dimensions", to: &parameters)
        parameters.addList("AlarmActions", alarm.alarmActions)
        _ = try await runtime.callQuery(Self.service, parameters)
    }

    /// Alarms by exact names or by prefix, page by page (`NextToken`).
    public func describeAlarms(names: [String] = [], namePrefix: String? = nil) -> PaginatedSequence<MetricAlarm> {
        let runtime = self.runtime
        var template = parameters("DescribeAlarms")
        template.addList("AlarmNames", names)
        template.add("AlarmNamePrefix", namePrefix)
        return PaginatedSequence { [template] token in
            var parameters = template
            parameters.add("NextToken", token)
            let result = try await runtime.callQuery(Self.service, parameters)
            let alarms = result.members(at: "MetricAlarms").map { member in
                MetricAlarm(
                    alarmName: member.string(at: "AlarmName") ?? "", alarmARN: member.string(at: "AlarmArn") ?? "",
                    stateValue: member.string(at: "StateValue") ?? "", metricName: member.string(at: "MetricName") ?? "",
                    namespace: member.string(at: "Namespace") ?? "",
                    threshold: member.string(at: "Threshold").flatMap(Double.init),
                    comparisonOperator: member.string(at: "ComparisonOperator") ?? "")
            }
            return (alarms, result.string(at: "NextToken"))
        }
    }

    public func deleteAlarms(names: [String]) async throws {
        var parameters = parameters("DeleteAlarms")
        parameters.addList("AlarmNames", names)
        _ = try await runtime.callQuery(Self.service, parameters)
    }

    static func addDimensions(_ dimensions: [Dimension], prefix: String, to parameters: inout QueryParameters) {
        parameters.addList(prefix, dimensions) { parameters, memberPrefix, dimension in
            parameters.add("\(memberPrefix).Name", dimension.name)
            parameters.add("\(memberPrefix).Value", dimension.value)
        }
    }
}
