public import Foundation
public import LabStore

extension JobRecord {
    /// The job's JSON result as its kind's output type; nil before it finishes, or for another kind's result.
    public func decodedResult<Output: Decodable>(as type: Output.Type) -> Output? {
        guard let result else { return nil }
        return try? JSONDecoder().decode(Output.self, from: Data(result.utf8))
    }
}
