/// What an MCP tool returns: text (JSON for every procrun tool) and whether it is an error.
package struct MCPToolResult: Sendable, Equatable {
    /// The text content.
    package var text: String
    /// Whether the call failed; the text says why.
    package var isError: Bool

    /// Creates a result.
    package init(text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }

    /// A failed call with a lowercase message.
    package static func error(_ message: String) -> MCPToolResult { MCPToolResult(text: message, isError: true) }
}
