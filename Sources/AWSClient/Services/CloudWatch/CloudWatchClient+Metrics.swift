extension CloudWatchClient {
    public struct Metric: Sendable, Equatable {
        public let namespace: String
        public let metricName: String
        public let dimensions: [Dimension]
    }

    public struct MetricDatum: Sendable {
        public var metricName: String
        public var value: Double
        public var unit: String?
        public var dimensions: [Dimension]

        public init(metricName: String, value: Double, unit: String? = nil, dimensions: [Dimension] = []) {
            self.metricName = metricName
            self.value = value
            self.unit = unit
            self.dimensions = dimensions
        }
    }

    /// Creates or replaces a dashboard; returns the validation messages (empty when the body is valid).
    @discardableResult
    public func putDashboard(name: String, body: String) async throws -> [String] {
        var parameters = parameters("PutDashboard")
        parameters.add("DashboardName", name)
        parameters.add("DashboardBody", body)
        let result = try await runtime.callQuery(Self.service, parameters)
        return result.members(at: "DashboardValidationMessages").compactMap { $0.string(at: "Message") }
    }

    /// The dashboard's JSON body.
    public func getDashboard(name: String) async throws -> String {
        var parameters = parameters("GetDashboard")
        parameters.add("DashboardName", name)
        return try await runtime.callQuery(Self.service, parameters).string(at: "DashboardBody") ?? ""
    }

    public func listMetrics(namespace: String? = nil, metricName: String? = nil) -> PaginatedSequence<Metric> {
        let runtime = self.runtime
        var template = parameters("ListMetrics")
        template.add("Namespace", namespace)
        template.add("MetricName", metricName)
        return PaginatedSequence { [template] token in
            var parameters = template
            parameters.add("NextToken", token)
            let result = try await runtime.callQuery(Self.service, parameters)
            let metrics = result.members(at: "Metrics").map { member in
                Metric(
                    namespace: member.string(at: "Namespace") ?? "", metricName: member.string(at: "MetricName") ?? "",
                    dimensions: member.members(at: "Dimensions").map {
                        Dimension(name: $0.string(at: "Name") ?? "", value: $0.string(at: "Value") ?? "")
                    })
            }
            return (metrics, result.string(at: "NextToken"))
        }
    }

    public func putMetricData(namespace: String, data: [MetricDatum]) async throws {
        var parameters = parameters("PutMetricData")
        parameters.add("Namespace", namespace)
        parameters.addList("MetricData", data) { parameters, prefix, datum in
            parameters.add("\(prefix).MetricName", datum.metricName)
            parameters.add("\(prefix).Value", datum.value)
            parameters.add("\(prefix).Unit", datum.unit)
            Self.addDimensions(datum.dimensions, prefix: "\(prefix).Dimensions", to: &parameters)
        }
        _ = try await runtime.callQuery(Self.service, parameters)
    }
}
