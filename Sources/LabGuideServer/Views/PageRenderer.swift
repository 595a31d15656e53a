public import Foundation
import Hummingbird
import Mustache

/// Renders `Templates/*.mustache`, parsed once at start-up, into HTML responses.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary
    /// The server's own facts every page shows (the AWS target); set once the target is known.
    var site = SiteChrome.none

    /// Loads every template in the folder; a syntax error stops start-up with the file name.
    public static func load(from directory: URL) async throws -> PageRenderer {
        // Resolve links first: the template loader does not descend into a symlinked folder.
        PageRenderer(library: try await MustacheLibrary(directory: directory.resolvingSymlinksInPath().path + "/"))
    }

    /// The same renderer with every page naming the AWS target in its header.
    public func showingTarget(_ target: AWSTarget, region: String) -> PageRenderer {
        var renderer = self
        renderer.site = SiteChrome(target: target.badge(region: region))
        return renderer
    }

    func html(_ template: String, _ context: Any) throws -> String {
        let context = (context as? any MustacheParent).map { SiteContext(site: site, view: $0) as Any } ?? context
        guard let html = library.render(context, withTemplate: template) else {
            throw HTTPError(.internalServerError, message: "Template \(template) is missing.")
        }
        return html
    }

    func render(
        _ template: String, _ context: Any, status: HTTPResponse.Status = .ok, cookies: [Cookie] = []
    ) throws -> Response {
        Self.response(ByteBuffer(string: try html(template, context)), status: status, cookies: cookies)
    }

    static let htmlContentType = "text/html; charset=utf-8"
    /// Pages are never cached: they carry the learner's names and form token.
    static let htmlCacheControl = "no-store"

    /// An HTML response that is never cached.
    static func response(_ html: ByteBuffer, status: HTTPResponse.Status = .ok, cookies: [Cookie] = []) -> Response {
        var response = Response(
            status: status, headers: [.contentType: htmlContentType, .cacheControl: htmlCacheControl],
            body: .init(byteBuffer: html))
        for cookie in cookies { response.setCookie(cookie) }
        return response
    }
}
