import HTTPTypes

/// The headers every response carries, pages, API, files and errors alike: one definition that both the router
/// (`SecurityHeadersMiddleware`) and the step pages answered from memory (`InMemoryStepPageHandler`) apply, so
/// no path can skip them.
///
/// Pages load only our own scripts and styles (no CDN, no inline script or style), so the policy names nothing
/// but `'self'`, and no page may be framed.
enum SecurityHeaders {
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        + "font-src 'self'; manifest-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    static let fields: HTTPFields = [
        .contentSecurityPolicy: contentSecurityPolicy,
        .xContentTypeOptions: "nosniff",
        .xFrameOptions: "DENY",
        .referrerPolicy: "same-origin",
    ]

    /// Adds each header the response does not set itself (a lab asset keeps its stricter sandbox policy).
    static func apply(to headers: inout HTTPFields) {
        for field in fields where headers[field.name] == nil {
            headers.append(field)
        }
    }
}

extension HTTPField.Name {
    static let xFrameOptions = Self("X-Frame-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
}
