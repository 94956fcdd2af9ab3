/// Why an executor or MCP server could not perform a step; its message completes a sentence
/// whose subject is the helper (`executor 'x' did not answer within 2s`).
public struct ExternalFailure: Error, Sendable {
    /// The predicate, lowercase.
    public var message: String
    /// Whether Ctrl-C ended the wait.
    public var interrupted = false

    /// Creates a failure.
    public init(_ message: String, interrupted: Bool = false) {
        self.message = message
        self.interrupted = interrupted
    }
}
