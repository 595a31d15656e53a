/// Thrown instead of deleting a resource that is not the learner's: its name (or its container's) does not start
/// with the learner's prefix. Permanent: no retry makes it the learner's.
public struct ResourceRemovalRefusal: Error, Sendable, CustomStringConvertible {
    public let resource: FoundResource
    public let prefix: String

    public var description: String {
        "refusing to delete \(resource.summary): '\(resource.ownerName)' does not start with the learner's prefix \(prefix)"
    }
}
