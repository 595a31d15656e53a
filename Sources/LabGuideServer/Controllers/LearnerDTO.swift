import Foundation
import LabStore

/// A learner as the API shows it. The session token never appears here.
struct LearnerDTO: Codable, Sendable {
    let id: Int64
    let name: String
    let handle: String
    let prefix: String
    let createdAt: Date

    init(_ learner: Learner) {
        id = learner.id ?? 0
        name = learner.name
        handle = learner.handle
        prefix = learner.resourcePrefix
        createdAt = learner.createdAt
    }
}
