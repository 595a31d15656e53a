import HTTPTypes
import Hummingbird

/// Serves `Public/` under its own folders only: stylesheets, scripts, images and the OpenAPI document.
///
/// A router-wide file middleware sits in front of every page and API call and cost a page a quarter of its time
/// in the benchmark, although no page is ever a file. Here the file middleware belongs to these routes alone: it
/// answers with the file when one exists, and the route's 404 stands when none does.
struct PublicFilesController {
    /// The folders under `Public/`; keep in step with what the folder holds.
    static let folders: [RouterPath] = ["css", "js", "img"]

    let directory: String

    func addRoutes(to router: Router<AppRequestContext>) {
        let files = FileMiddleware<AppRequestContext, LocalFileSystem>(
            directory, cacheControl: .init([(MediaType(type: .any), [.noCache])]), searchForIndexHtml: false)
        for folder in Self.folders {
            let group = router.group(folder).add(middleware: WholeFileMiddleware()).add(middleware: files)
            group.get("**", use: notFound)
            group.head("**", use: notFound)
        }
        router.group("api/v1").add(middleware: WholeFileMiddleware()).add(middleware: files)
            .get("openapi.json", use: notFound)
    }

    /// Reached only when `Public/` has no such file.
    @Sendable private func notFound(_ request: Request, context: AppRequestContext) throws -> Response {
        throw HTTPError(.notFound)
    }
}

/// Serves whole files only: drops `Range` and `If-Range` before `FileMiddleware` sees them, and stops advertising
/// `Accept-Ranges`.
///
/// Hummingbird 2.28's `FileMiddleware` turns a `Range` header into a closed range without checking it against
/// the file: `bytes=9223372036854775807-` overflows into a negative `Content-Length`, a range starting at the
/// file's size announces 0 bytes and sends one (which desyncs a kept-alive connection), and `bytes=-0` answers
/// 206 instead of 416. Our files are small stylesheets and scripts, so a 200 with the whole file, which RFC 9110
/// §14.2 allows for any range request, is the correct and simplest answer.
struct WholeFileMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var request = request
        if request.headers[.range] != nil || request.headers[.ifRange] != nil {
            var head = request.head
            head.headerFields[.range] = nil
            head.headerFields[.ifRange] = nil
            request = Request(head: head, body: request.body)
        }
        var response = try await next(request, context)
        response.headers[.acceptRanges] = nil
        return response
    }
}
