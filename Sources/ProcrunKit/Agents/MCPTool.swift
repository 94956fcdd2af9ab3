/// A tool `procrun mcp` offers: its name, what it is for, and the JSON Schema of its arguments.
public struct MCPTool: Sendable {
    /// The tool's name.
    public var name: String
    /// When and how to use it, for the agent choosing tools.
    public var description: String
    /// The JSON Schema of its arguments (an object schema).
    public var inputSchema: Value

    /// Creates a tool description.
    public init(name: String, description: String, inputSchema: Value) {
        self.name = name
        self.description = description
        self.inputSchema = inputSchema
    }
}
