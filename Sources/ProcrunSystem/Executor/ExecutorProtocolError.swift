/// A reply that does not follow the executor protocol.
package struct ExecutorProtocolError: Error, Sendable, Equatable {
    /// What was wrong, lowercase.
    package var message: String
    /// The reply quoted, with its separator (`", found '...'"`), shown after the message.
    package var detail: String

    /// Creates an error.
    package init(_ message: String, detail: String = "") {
        self.message = message
        self.detail = detail
    }
}
