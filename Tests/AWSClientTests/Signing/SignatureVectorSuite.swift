import Foundation
import Testing

/// One case of the official SigV4 suites, read from `../shared/testdata/sigv4` at test time.
struct SignatureVectorCase: Sendable, CustomTestStringConvertible {
    enum Layout: Sendable { case awsCommonRuntime, botocore }

    let layout: Layout
    let name: String
    let folder: URL

    var testDescription: String { name }

    func read(_ fileName: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(fileName), encoding: .utf8)
    }

    /// Every v4 case of the aws-c-auth suite (one folder per case with `context.json`).
    static func awsCommonRuntimeCases() throws -> [SignatureVectorCase] {
        let root = try requireFolder("aws-c-auth/aws-signing-test-suite/v4")
        return try FileManager.default.contentsOfDirectory(atPath: root.path).sorted().compactMap { name in
            let folder = root.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("context.json").path) else {
                return nil
            }
            return SignatureVectorCase(layout: .awsCommonRuntime, name: name, folder: folder)
        }
    }

    /// Every case of the botocore suite: any folder holding `<name>.req`, nested groups included.
    static func botocoreCases() throws -> [SignatureVectorCase] {
        let root = try requireFolder("botocore/aws4_testsuite")
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var cases: [SignatureVectorCase] = []
        for case let relativePath as String in enumerator where relativePath.hasSuffix(".req") {
            let file = root.appendingPathComponent(relativePath)
            let folder = file.deletingLastPathComponent()
            let name = String(relativePath.dropLast(4).split(separator: "/").dropLast().joined(separator: "/"))
            cases.append(SignatureVectorCase(layout: .botocore, name: name, folder: folder))
        }
        return cases.sorted { $0.name < $1.name }
    }

    struct MissingVectors: Error, CustomStringConvertible {
        let path: String
        var description: String {
            "SigV4 test vectors are missing at \(path); expected ../shared/testdata/sigv4 next to the repository"
        }
    }

    private static func requireFolder(_ relative: String) throws -> URL {
        let url = TestPaths.signatureVectors.appendingPathComponent(relative)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw MissingVectors(path: url.path)
        }
        return url
    }
}
