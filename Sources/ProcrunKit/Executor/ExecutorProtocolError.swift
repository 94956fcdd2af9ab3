/// A reply that does not follow the executor protocol.
public struct ExecutorProtocolError: Error, Sendable, Equatable {
    /// What was wrong, lowercase.
    public var message: String
    /// The reply quoted, with its separator (`", found '...'"`), shown after the message.
    public var detail: String

    /// Creates an error.
    public init(_ message: String, detail: String = "") {
        self.message = message
        self.detail = detail
    }
}
