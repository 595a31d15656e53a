extension CloudWatchClient {
    /// Dashboard names starting with `prefix`, page by page (`NextToken`).
    public func listDashboards(prefix: String? = nil) -> PaginatedSequence<String> {
        let runtime = self.runtime
        var template = parameters("ListDashboards")
        template.add("DashboardNamePrefix", prefix)
        return PaginatedSequence { [template] token in
            var parameters = template
            parameters.add("NextToken", token)
            let result = try await runtime.callQuery(Self.service, parameters)
            let names = result.members(at: "DashboardEntries").compactMap { $0.string(at: "DashboardName") }
            return (names, result.string(at: "NextToken"))
        }
    }

    /// Deletes dashboards; CloudWatch fails the whole call with `ResourceNotFound` if any one is missing.
    public func deleteDashboards(names: [String]) async throws {
        var parameters = parameters("DeleteDashboards")
        parameters.addList("DashboardNames", names)
        _ = try await runtime.callQuery(Self.service, parameters)
    }
}
