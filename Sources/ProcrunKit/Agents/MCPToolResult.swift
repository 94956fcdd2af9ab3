/// What an MCP tool returns: text (JSON for every procrun tool) and whether it is an error.
public struct MCPToolResult: Sendable, Equatable {
    /// The text content.
    public var text: String
    /// Whether the call failed; the text says why.
    public var isError: Bool

    /// Creates a result.
    public init(text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }

    /// A failed call with a lowercase message.
    public static func error(_ message: String) -> MCPToolResult { MCPToolResult(text: message, isError: true) }
}
