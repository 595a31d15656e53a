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
            let group = router.group(folder).add(middleware: files)
            group.get("**", use: notFound)
            group.head("**", use: notFound)
        }
        router.group("api/v1").add(middleware: files).get("openapi.json", use: notFound)
    }

    /// Reached only when `Public/` has no such file.
    @Sendable private func notFound(_ request: Request, context: AppRequestContext) throws -> Response {
        throw HTTPError(.notFound)
    }
}
