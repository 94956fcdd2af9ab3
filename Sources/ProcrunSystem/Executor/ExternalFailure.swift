/// Why an executor or MCP server could not perform a step; its message completes a sentence
/// whose subject is the helper (`executor 'x' did not answer within 2s`).
package struct ExternalFailure: Error, Sendable {
    /// What became of the helper, for the caller to decide whether it can be used again.
    package enum Kind: Sendable, Hashable {
        /// It failed (did not answer, answered garbage, exited): it is not used again in the run.
        case broken
        /// It refused this one request (an unknown tool, bad arguments) and is still usable.
        case refused
        /// It was stopped earlier in the run, and is not started again.
        case stoppedEarlier
    }

    /// The predicate, lowercase.
    package var message: String
    /// Text quoted from what the helper answered, with its separator (`", found '...'"`): shown
    /// after the message, never kept in the stats block.
    package var detail = ""
    /// Whether Ctrl-C ended the wait.
    package var interrupted = false
    /// What became of the helper.
    package var kind = Kind.broken

    /// Creates a failure.
    package init(_ message: String, detail: String = "", interrupted: Bool = false, kind: Kind = .broken) {
        self.message = message
        self.detail = detail
        self.interrupted = interrupted
        self.kind = kind
    }
}
