import HTTPTypes
import Hummingbird

/// Refuses requests no route should see: a path holding a NUL byte (400) and `TRACE` or `CONNECT` (405).
///
/// A NUL byte ends a file name at the operating system but not in Hummingbird's `FileMiddleware`, which takes the
/// content type from the whole decoded path: `/js/app.js%00.html` was served as `text/html`.
struct RequestTargetMiddleware<Context: RequestContext>: RouterMiddleware {
    static var allowedMethods: String { "GET, HEAD, POST, DELETE" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        if request.method == .trace || request.method == .connect {
            throw HTTPError(.methodNotAllowed, headers: [.allow: Self.allowedMethods])
        }
        if Self.holdsNULByte(request.uri.path) {
            throw HTTPError(.badRequest, message: "The address holds a NUL byte.")
        }
        return try await next(request, context)
    }

    /// `%00` in the raw path; a literal NUL never gets past the HTTP parser.
    static func holdsNULByte(_ path: String) -> Bool {
        path.utf8.count >= 3 && path.contains("%00")
    }
}
