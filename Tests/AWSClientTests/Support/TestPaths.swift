import Foundation

/// Locates files that tests read at run time, relative to this source file so that the working directory does not
/// matter.
enum TestPaths {
    /// The repository root: three levels above `Tests/AWSClientTests/Support/TestPaths.swift`.
    static var repositoryRoot: URL {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url
    }

    /// `../shared/testdata/sigv4` from the repository root.
    static var signatureVectors: URL {
        repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/testdata/sigv4")
    }
}
