import Foundation

/// One cheap read call per service the labs use, for `labguide aws doctor`.
public struct ServiceProbe: Sendable {
    public let name: String
    public let service: ServiceDescriptor
    public let operation: String
    let call: @Sendable (AWSRuntime) async throws -> Void

    /// STS, SQS, SNS, App Mesh, Cloud Map, ECS, Lambda, DynamoDB, CloudWatch, X-Ray, IAM, Resource Groups Tagging.
    public static let labServices: [ServiceProbe] = [
        ServiceProbe(name: "STS", service: .sts, operation: "GetCallerIdentity") { runtime in
            _ = try await STSClient(runtime: runtime).getCallerIdentity()
        },
        ServiceProbe(name: "SQS", service: .sqs, operation: "ListQueues") { runtime in
            struct Input: Encodable { let MaxResults = 1 }
            _ = try await runtime.callJSON(.sqs, "ListQueues", Input(), as: EmptyShape.self)
        },
        ServiceProbe(name: "SNS", service: .sns, operation: "ListTopics") { runtime in
            _ = try await runtime.callQuery(.sns, QueryParameters(action: "ListTopics", version: "2010-03-31"))
        },
        ServiceProbe(name: "App Mesh", service: .appMesh, operation: "ListMeshes") { runtime in
            _ = try await runtime.callREST(
                .appMesh, "ListMeshes", method: "GET", path: "/v20190125/meshes", queryItems: [("limit", "1")],
                as: EmptyShape.self)
        },
        ServiceProbe(name: "Cloud Map", service: .cloudMap, operation: "ListNamespaces") { runtime in
            struct Input: Encodable { let MaxResults = 1 }
            _ = try await runtime.callJSON(.cloudMap, "ListNamespaces", Input(), as: EmptyShape.self)
        },
        ServiceProbe(name: "ECS", service: .ecs, operation: "ListClusters") { runtime in
            struct Input: Encodable { let maxResults = 1 }
            _ = try await runtime.callJSON(.ecs, "ListClusters", Input(), as: EmptyShape.self)
        },
        ServiceProbe(name: "Lambda", service: .lambda, operation: "ListFunctions") { runtime in
            _ = try await runtime.callREST(
                .lambda, "ListFunctions", method: "GET", path: "/2015-03-31/functions/", queryItems: [("MaxItems", "1")],
                as: EmptyShape.self)
        },
        ServiceProbe(name: "DynamoDB", service: .dynamoDB, operation: "ListTables") { runtime in
            struct Input: Encodable { let Limit = 1 }
            _ = try await runtime.callJSON(.dynamoDB, "ListTables", Input(), as: EmptyShape.self)
        },
        ServiceProbe(name: "CloudWatch", service: .cloudWatch, operation: "DescribeAlarms") { runtime in
            var parameters = QueryParameters(action: "DescribeAlarms", version: "2010-08-01")
            parameters.add("MaxRecords", 1)
            _ = try await runtime.callQuery(.cloudWatch, parameters)
        },
        ServiceProbe(name: "X-Ray", service: .xRay, operation: "GetTraceSummaries") { runtime in
            var iterator = XRayClient(runtime: runtime)
                .getTraceSummaries(start: Date().addingTimeInterval(-60), end: Date()).makeAsyncIterator()
            _ = try await iterator.next()
        },
        ServiceProbe(name: "IAM", service: .iam, operation: "ListRoles") { runtime in
            var parameters = QueryParameters(action: "ListRoles", version: "2010-05-08")
            parameters.add("MaxItems", 1)
            _ = try await runtime.callQuery(.iam, parameters)
        },
        ServiceProbe(name: "Resource Groups Tagging", service: .resourceGroupsTagging, operation: "GetResources") {
            runtime in
            struct Input: Encodable {
                let ResourcesPerPage = 1
                let ResourceTypeFilters = ["sqs"]
            }
            _ = try await runtime.callJSON(.resourceGroupsTagging, "GetResources", Input(), as: EmptyShape.self)
        },
    ]
}
