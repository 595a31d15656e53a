import Hummingbird

/// Bad input from a learner: a 400 whose message is shown as-is on the page or in the JSON error.
struct LearnerInputError: Error, HTTPResponseError {
    let message: String

    var status: HTTPResponse.Status { .badRequest }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        try HTTPError(.badRequest, message: message).response(from: request, context: context)
    }
}
