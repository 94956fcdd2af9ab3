import MCP
import ProcrunKit

/// Sends how a tool call goes to the client that asked (its request's `_meta.progressToken`):
/// a `notifications/progress` for each ``MCPProgress``, and a `notifications/message` at level
/// `error` for a failed step. They leave in the order they came, and all before the call's reply.
final class ProgressRelay: Sendable {
    private let continuation: AsyncStream<MCPProgress>.Continuation
    private let sending: Task<Void, Never>

    /// A relay to `server`'s client for the request that gave `token`; log messages go out when
    /// `threshold` lets errors through.
    init(server: Server, token: ProgressToken, threshold: LogThreshold) {
        let (updates, continuation) = AsyncStream.makeStream(of: MCPProgress.self)
        self.continuation = continuation
        sending = Task {
            for await update in updates {
                let parameters = ProgressNotification.Parameters(
                    progressToken: token, progress: Double(update.progress), total: update.total.map(Double.init), message: update.message)
                // A client that went away gets nothing more; the call still ends and is answered.
                try? await server.notify(ProgressNotification.message(parameters))
                if let failure = update.failure, threshold.lets(.error) {
                    try? await server.log(level: .error, logger: "procrun", data: .string(failure))
                }
            }
        }
    }

    /// Queues an update (from any thread).
    func send(_ update: MCPProgress) {
        continuation.yield(update)
    }

    /// Waits until every update queued has been sent.
    func finish() async {
        continuation.finish()
        await sending.value
    }
}
