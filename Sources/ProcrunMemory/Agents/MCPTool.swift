package import ProcrunText

/// A tool `procrun mcp` offers: its name, what it is for, and the JSON Schema of its arguments.
package struct MCPTool: Sendable {
    /// The tool's name.
    package var name: String
    /// When and how to use it, for the agent choosing tools.
    package var description: String
    /// The JSON Schema of its arguments (an object schema).
    package var inputSchema: Value

    /// Creates a tool description.
    package init(name: String, description: String, inputSchema: Value) {
        self.name = name
        self.description = description
        self.inputSchema = inputSchema
    }
}
