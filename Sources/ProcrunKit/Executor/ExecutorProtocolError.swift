/// A reply that does not follow the executor protocol.
public struct ExecutorProtocolError: Error, Sendable, Equatable {
    /// What was wrong, lowercase.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }
}
