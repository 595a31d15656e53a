import Hummingbird
import ServiceLifecycle

/// Writes an endless server-sent event stream that ends when the server shuts down or the client goes away.
///
/// A class stream never ends by itself; left alone it would hold a graceful shutdown until its next write found
/// the client gone. The events are made by `produce` in a child task and written here, and the writing loop stops
/// at the shutdown signal, which cancels the producer and its waits.
enum EventStreamWriter {
    static func write(
        to writer: inout any ResponseBodyWriter,
        produce: @escaping @Sendable (AsyncStream<String>.Continuation) async throws -> Void
    ) async throws {
        let (chunks, continuation) = AsyncStream.makeStream(of: String.self)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { continuation.finish() }
                try await produce(continuation)
            }
            for await chunk in chunks.cancelOnGracefulShutdown() {
                try await writer.write(ByteBuffer(string: chunk))
            }
            group.cancelAll()
        }
        try await writer.finish(nil)
    }
}
