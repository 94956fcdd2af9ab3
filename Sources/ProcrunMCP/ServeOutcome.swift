/// How the server task ended, handed back to the waiting thread.
final class ServeOutcome: @unchecked Sendable {
    /// Why it failed, if it did (written before the semaphore is signalled, read after).
    var failure: String?
}
