import HTTPTypes
import NIOCore
import NIOHTTPTypes
import Synchronization

/// Closes connections that make no progress, tells routes when their client has gone, and puts the security
/// headers on answers that no route made.
///
/// It sits first among the handlers after HTTP decoding, so it sees every request and every response on the
/// connection, the step pages answered from memory by `InMemoryStepPageHandler` included. Hummingbird's own idle
/// timeout (`HTTP1Channel.Configuration.idleTimeout`) is left off: its `HTTPConnectionStateHandler` sits after
/// the additional handlers, never sees the requests answered from memory, and would close a busy connection.
/// Bytes that are not yet a request head are seen by a companion at the front of the pipeline, so a half-sent
/// head is timed from its first byte.
final class ConnectionGuardHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// Whether the client is still there, for work that outlives a request's reads (`SimulationPool`).
    let presence = ClientPresence()
    private var deadlines: ConnectionDeadlines
    private var scheduled: Scheduled<Void>?

    init(headerReadTimeout: Duration, idleTimeout: Duration) {
        deadlines = ConnectionDeadlines(headerReadTimeout: headerReadTimeout, idleTimeout: idleTimeout)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        try? context.pipeline.syncOperations.addHandler(ByteArrivalHandler(guard: self), position: .first)
        if context.channel.isActive { perform(deadlines.opened(), context: context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        scheduled?.cancel()
        scheduled = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        perform(deadlines.opened(), context: context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        presence.markGone()
        scheduled?.cancel()
        scheduled = nil
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head: perform(deadlines.headReceived(), context: context)
        case .body: perform(deadlines.bodyReceived(), context: context)
        case .end: perform(deadlines.endReceived(), context: context)
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head) where head.headerFields[.xContentTypeOptions] == nil:
            // Answers no route made (Hummingbird's own 400 for bytes that were never a request) get the same
            // security headers as the rest.
            SecurityHeaders.apply(to: &head.headerFields)
            context.write(wrapOutboundOut(.head(head)), promise: promise)
            return
        case .end: perform(deadlines.responseEnded(), context: context)
        default: break
        }
        context.write(data, promise: promise)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        // The client closed its side (Hummingbird allows half-closure): nobody will read what is still being made.
        if case ChannelEvent.inputClosed = event { presence.markGone() }
        context.fireUserInboundEventTriggered(event)
    }

    fileprivate func bytesArrived(context: ChannelHandlerContext) {
        perform(deadlines.bytesArrived(), context: context)
    }

    private func perform(_ action: ConnectionDeadlines.Action, context: ChannelHandlerContext) {
        switch action {
        case .none: return
        case .cancel:
            scheduled?.cancel()
            scheduled = nil
        case .schedule(let timeout):
            scheduled?.cancel()
            let channel = context.channel
            scheduled = context.eventLoop.scheduleTask(in: .init(timeout)) { channel.close(promise: nil) }
        }
    }
}

/// Reports raw bytes arriving to its `ConnectionGuardHandler`, from the front of the pipeline.
private final class ByteArrivalHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let connectionGuard: ConnectionGuardHandler
    private var guardContext: ChannelHandlerContext?

    init(guard connectionGuard: ConnectionGuardHandler) {
        self.connectionGuard = connectionGuard
    }

    func handlerAdded(context: ChannelHandlerContext) {
        guardContext = try? context.pipeline.syncOperations.context(handler: connectionGuard)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        guardContext = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if let guardContext { connectionGuard.bytesArrived(context: guardContext) }
        context.fireChannelRead(data)
    }
}

/// Set once a connection's client has closed its side or the connection is gone; read from any thread.
final class ClientPresence: Sendable {
    private let isGoneFlag = Atomic(false)

    var isGone: Bool { isGoneFlag.load(ordering: .relaxed) }

    func markGone() {
        isGoneFlag.store(true, ordering: .relaxed)
    }
}
