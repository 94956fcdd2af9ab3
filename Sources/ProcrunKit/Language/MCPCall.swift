/// The parameters of an `mcp` step: which tool of which configured server, with what arguments.
public struct MCPCall: Sendable {
    /// The server's name in `procrun.yaml`'s `mcp_servers`.
    public var server: String
    /// The tool's name.
    public var tool: TemplateField
    /// The tool's arguments (a mapping), if any.
    public var arguments: ParameterTree?
}
