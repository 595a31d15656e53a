import Foundation
import Hummingbird
import LabContent

/// Serves each lab's `assets/` folder from memory: read once at start-up, never from disk per request.
struct LabAssetController: Sendable {
    private struct Asset: Sendable {
        let contentType: String
        let bytes: ByteBuffer
    }

    private let assets: [String: Asset]

    /// Loads every regular file directly inside each lab's `assets/` folder.
    init(library: LabLibrary) {
        var assets: [String: Asset] = [:]
        for lab in library.labs {
            let folder = lab.directory.appendingPathComponent("assets")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names where !name.hasPrefix(".") {
                guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
                    continue
                }
                let type = MediaType.getMediaType(forExtension: (name as NSString).pathExtension)?.description
                assets["\(lab.id)/\(name)"] = Asset(
                    contentType: type ?? "application/octet-stream", bytes: ByteBuffer(bytes: data))
            }
        }
        self.assets = assets
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("labs/:lab/assets/:file") { _, context -> Response in
            let key = "\(context.parameters.get("lab") ?? "")/\(context.parameters.get("file") ?? "")"
            guard let asset = assets[key] else {
                throw HTTPError(.notFound, message: "This lab has no file called “\(context.parameters.get("file") ?? "")”.")
            }
            // SVG can carry script: the sandbox policy keeps an asset opened on its own from running any.
            return Response(
                status: .ok,
                headers: [
                    .contentType: asset.contentType, .cacheControl: "public, max-age=3600",
                    .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; sandbox",
                ],
                body: .init(byteBuffer: asset.bytes))
        }
    }
}
