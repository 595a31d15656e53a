import BreakerSimulator
import Foundation
import Testing

@testable import LabGuideServer

/// Finding 13 of issue 12: the OpenAPI document says what the server does. Schemathesis (`make api-test`)
/// checks the answers against it; this checks what the document claims about inputs against the code.
@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    static func document() throws -> [String: Any] {
        let url = TestApp.repositoryRoot.appendingPathComponent("Public/api/v1/openapi.json")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    static func value(_ object: Any?, _ path: String) -> Any? {
        path.split(separator: "/").reduce(object) { node, key in (node as? [String: Any])?[String(key)] }
    }

    @Test func inputLimitsMatchTheServer() throws {
        let document = try Self.document()
        let name = Self.value(document, "components/schemas/JoinRequest/properties/name")
        #expect(Self.value(name, "maxLength") as? Int == LearnerName.maximumLength)
        #expect(Self.value(name, "minLength") as? Int == 1)
        #expect((Self.value(name, "description") as? String)?.contains("\(LearnerName.maximumBytes) bytes") == true)
        let preset = Self.value(document, "components/schemas/SimulationRequest/properties/preset/enum") as? [String]
        #expect(preset == SimulationPreset.all.map(\.id))
    }

    @Test func completeDocumentsItsRequiredJSONContentType() throws {
        let paths = try #require(Self.value(try Self.document(), "paths") as? [String: Any])
        let complete = Self.value(paths["/api/v1/labs/{lab}/steps/{step}/complete"], "post")
        #expect(Self.value(complete, "requestBody/required") as? Bool == true)
        let content = Self.value(complete, "requestBody/content") as? [String: Any]
        #expect(content?.keys.sorted() == ["application/json"])
        #expect(Self.value(complete, "responses/415") != nil)
    }

    @Test func limitsAndBusyAnswersAreDocumented() throws {
        let paths = try #require(Self.value(try Self.document(), "paths") as? [String: Any])
        #expect(Self.value(paths["/api/v1/session"], "post/responses/429") != nil)
        #expect(Self.value(paths["/api/v1/simulations"], "post/responses/503") != nil)
        for (path, item) in paths {
            for (method, operation) in item as? [String: Any] ?? [:] {
                #expect(Self.value(operation, "responses/400") != nil, "\(method) \(path)")
            }
        }
    }
}
