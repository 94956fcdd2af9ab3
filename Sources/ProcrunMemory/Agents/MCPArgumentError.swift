/// A tool argument that is missing or of the wrong type.
package struct MCPArgumentError: Error, Sendable {
    /// What was wrong, lowercase.
    package var message: String

    /// Creates an error.
    package init(_ message: String) { self.message = message }
}
