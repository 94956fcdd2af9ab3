/// A tool argument that is missing or of the wrong type.
public struct MCPArgumentError: Error, Sendable {
    /// What was wrong, lowercase.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }
}
