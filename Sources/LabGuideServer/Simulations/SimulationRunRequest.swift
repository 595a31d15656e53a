import BreakerSimulator
import Foundation
import Hummingbird

/// The body of `POST /api/v1/simulations`, read field by field so every mistake gets a message naming the field:
/// `{"preset": "inventory-outage", "seed": 42, "durationSeconds": 60, "overrides": {"breaker.enabled": false},
/// "includeCalls": true}`; only `preset` is required.
enum SimulationRunRequest {
    static let maximumBodyBytes = 64 * 1024
    static let fields = ["preset", "seed", "durationSeconds", "overrides", "includeCalls"]
    /// The largest integer a JSON number carries exactly.
    static let maximumSeed = 9_007_199_254_740_991.0

    static func parse(_ body: ByteBuffer) throws -> SimulationRequest {
        // Overrides nest at most five deep (body, overrides, fault, outages, window).
        try JSONShapeLimit().check(body.readableBytesView)
        guard let value = try? JSONDecoder().decode(ConfigValue.self, from: Data(body.readableBytesView)),
            case .object(let fields) = value
        else {
            throw badRequest("the request body must be a JSON object with preset, seed, durationSeconds, overrides, includeCalls")
        }
        if let unknown = fields.keys.sorted().first(where: { !Self.fields.contains($0) }) {
            throw badRequest("unknown field \(unknown): fields are \(Self.fields.joined(separator: ", "))")
        }
        guard case .string(let preset) = fields["preset", default: .null] else {
            let names = SimulationPreset.all.map(\.id).joined(separator: ", ")
            throw badRequest("preset is required and must be one of \(names)")
        }
        var request = SimulationRequest(preset: preset)
        if let seed = fields["seed"], seed != .null {
            guard case .number(let number) = seed, number >= 0, number <= maximumSeed, number == number.rounded() else {
                throw badRequest("seed must be a whole number between 0 and 9007199254740991 (got \(seed))")
            }
            request.seed = UInt64(number)
        }
        if let duration = fields["durationSeconds"], duration != .null {
            guard case .number(let number) = duration, number == number.rounded(), number >= 1, number <= 3600 else {
                throw badRequest("durationSeconds must be a whole number between 1 and 3600 (got \(duration))")
            }
            request.durationSeconds = Int(number)
        }
        if let overrides = fields["overrides"], overrides != .null {
            guard case .object(let values) = overrides else {
                throw badRequest(
                    "overrides must be an object of dotted config keys, such as {\"breaker.failureRateThreshold\": 60},"
                        + " or of the config's own nested shape, such as {\"breaker\": {\"enabled\": false}}")
            }
            request.overrides = values
        }
        if let includeCalls = fields["includeCalls"], includeCalls != .null {
            guard case .bool(let flag) = includeCalls else {
                throw badRequest("includeCalls must be true or false (got \(includeCalls))")
            }
            request.includeCalls = flag
        }
        return request
    }

    private static func badRequest(_ message: String) -> HTTPError {
        HTTPError(.badRequest, message: message)
    }
}
