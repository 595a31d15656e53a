import Hummingbird

/// Puts ``SecurityHeaders`` on every routed response, error pages included; outermost, so nothing inside skips it.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var response = try await next(request, context)
        SecurityHeaders.apply(to: &response.headers)
        return response
    }
}
