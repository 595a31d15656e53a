import Foundation
public import LabContent

/// Finds every resource whose name starts with the learner's prefix, in every service the lab uses, and prices
/// what is still running. Services are scanned concurrently (a few at a time); a service that cannot be scanned is
/// named in `notes` with the reason, and the rest of the scan still counts.
public struct AccountScanner: Sendable {
    public let account: LearnerAccount
    public let prices: LabPrices

    public init(account: LearnerAccount, prices: LabPrices) {
        self.account = account
        self.prices = prices
    }

    /// One service's part of the scan.
    struct ServiceScan: Sendable {
        let service: String
        let run: @Sendable () async throws -> (resources: [FoundResource], notes: [String])
    }

    public func scan() async throws -> AccountScan {
        let results = await concurrentMap(serviceScans) { part -> (resources: [FoundResource], notes: [String]) in
            do {
                return try await part.run()
            } catch {
                return ([], ["\(part.service) could not be scanned: \(AWSErrorClass.classify(error).message)"])
            }
        }
        try Task.checkCancellation()
        let resources = ResourceRemover.removalOrder(results.flatMap(\.resources))
        let total = resources.compactMap(\.hourlyCost).reduce(0, +)
        return AccountScan(resources: resources, hourlyCostTotal: total, notes: results.flatMap(\.notes))
    }

    var serviceScans: [ServiceScan] {
        [
            ServiceScan(service: "IAM roles") { (try await scanRoles(), []) },
            ServiceScan(service: "CloudWatch Logs") { (try await scanLogGroups(), []) },
            ServiceScan(service: "EC2 security groups") { (try await scanSecurityGroups(), []) },
            ServiceScan(service: "ECS") { (try await scanECS(), []) },
            ServiceScan(service: "Cloud Map") { (try await scanCloudMap(), []) },
            ServiceScan(service: "App Mesh") { try await scanAppMesh() },
            ServiceScan(service: "SNS") { (try await scanSNS(), []) },
            ServiceScan(service: "SQS") { (try await scanQueues(), []) },
            ServiceScan(service: "Lambda") { (try await scanFunctions(), []) },
            ServiceScan(service: "DynamoDB") { (try await scanTables(), []) },
            ServiceScan(service: "CloudWatch") { (try await scanCloudWatch(), []) },
        ]
    }

    func isOwned(_ name: String) -> Bool {
        name.hasPrefix(account.prefix)
    }

    /// Per-request services cost nothing by the hour while idle; the panel says what they cost per request.
    func perRequest(_ resource: FoundResource, pricePerMillion: Double) -> FoundResource {
        var priced = resource
        priced.hourlyCost = 0
        priced.costDetail = "billed per request ($\(Self.format(pricePerMillion)) per million); nothing while idle"
        return priced
    }

    /// Dollars with cents, and more digits only where the price has them (`0.40`, `0.004445`).
    static func format(_ value: Double) -> String {
        if (value * 100).rounded() == value * 100 { return String(format: "%.2f", value) }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
