public import Foundation

extension SimulationReport {
    /// The encoder the API and the CLI share, so both print byte-for-byte the same document: keys are sorted
    /// because Foundation's encoder otherwise orders them differently in every process.
    public static func makeJSONEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The report as the API's JSON body.
    public func makeJSONData() throws -> Data {
        try Self.makeJSONEncoder().encode(self)
    }
}
