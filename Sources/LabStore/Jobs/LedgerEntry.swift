public import Foundation
public import GRDB

/// A cloud resource a job created for a learner, so a rerun skips it and cleanup knows what to remove.
///
/// Entries outlive the jobs that wrote them: pruning old jobs must never forget what exists in an account.
public struct LedgerEntry: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var learnerID: Int64
    public var labID: String
    /// What sort of resource, such as `sqs-queue` or `sns-topic`.
    public var kind: String
    /// The name the lab gave it, such as `lg-ana-7f3k-orders`.
    public var name: String
    /// The ARN, URL or id AWS answered with.
    public var identifier: String
    public var jobID: Int64?
    public var createdAt: Date
    public var removedAt: Date?

    public init(
        id: Int64 = 0, learnerID: Int64, labID: String, kind: String, name: String, identifier: String, jobID: Int64?,
        createdAt: Date, removedAt: Date? = nil
    ) {
        self.id = id
        self.learnerID = learnerID
        self.labID = labID
        self.kind = kind
        self.name = name
        self.identifier = identifier
        self.jobID = jobID
        self.createdAt = createdAt
        self.removedAt = removedAt
    }

    public var isRemoved: Bool { removedAt != nil }
}

extension LedgerEntry: FetchableRecord, TableRecord {
    public static let databaseTableName = "ledgerEntry"

    enum CodingKeys: String, CodingKey {
        case id
        case learnerID = "learnerId"
        case labID = "labId"
        case kind, name, identifier
        case jobID = "jobId"
        case createdAt, removedAt
    }
}
