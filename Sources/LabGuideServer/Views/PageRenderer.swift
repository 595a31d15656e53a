public import Foundation
import Hummingbird
import Mustache

/// Renders `Templates/*.mustache`, parsed once at start-up, into HTML responses.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary

    /// Loads every template in the folder; a syntax error stops start-up with the file name.
    public static func load(from directory: URL) async throws -> PageRenderer {
        // Resolve links first: the template loader does not descend into a symlinked folder.
        PageRenderer(library: try await MustacheLibrary(directory: directory.resolvingSymlinksInPath().path + "/"))
    }

    func render(
        _ template: String, _ context: Any, status: HTTPResponse.Status = .ok, cookies: [Cookie] = []
    ) throws -> Response {
        guard let html = library.render(context, withTemplate: template) else {
            throw HTTPError(.internalServerError, message: "Template \(template) is missing.")
        }
        var response = Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
        for cookie in cookies { response.setCookie(cookie) }
        return response
    }
}
