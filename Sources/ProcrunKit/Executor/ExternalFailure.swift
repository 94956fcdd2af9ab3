/// Why an executor or MCP server could not perform a step; its message completes a sentence
/// whose subject is the helper (`executor 'x' did not answer within 2s`).
public struct ExternalFailure: Error, Sendable {
    /// The predicate, lowercase.
    public var message: String
    /// Text quoted from what the helper answered, with its separator (`", found '...'"`): shown
    /// after the message, never kept in the stats block.
    public var detail = ""
    /// Whether Ctrl-C ended the wait.
    public var interrupted = false

    /// Creates a failure.
    public init(_ message: String, detail: String = "", interrupted: Bool = false) {
        self.message = message
        self.detail = detail
        self.interrupted = interrupted
    }
}
