import Hummingbird

/// Serves `Public/` for the paths that can be files, and lets every other request go straight to the router.
///
/// Hummingbird's `FileMiddleware` runs before routing and looks on disk for every request; pages and API calls
/// never match a file, so asking the file system for them only added latency to the hot path.
struct PublicFilesMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    /// The folders and files under `Public/`; keep in step with what the folder holds.
    static let publicPrefixes = ["/css/", "/js/", "/img/", "/api/v1/openapi.json"]

    let files: FileMiddleware<AppRequestContext, LocalFileSystem>

    init(directory: String) {
        files = FileMiddleware(directory, cacheControl: .init([(MediaType(type: .any), [.noCache])]), searchForIndexHtml: false)
    }

    func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        guard Self.publicPrefixes.contains(where: { path.hasPrefix($0) }) else {
            return try await next(request, context)
        }
        return try await files.handle(request, context: context, next: next)
    }
}
