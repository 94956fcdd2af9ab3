/// The parameters of an `mcp` step: which tool of which configured server, with what arguments.
package struct MCPCall: Sendable {
    /// The server's name in `procrun.yaml`'s `mcp_servers`.
    package var server: String
    /// The tool's name.
    package var tool: TemplateField
    /// The tool's arguments (a mapping), if any.
    package var arguments: ParameterTree?
}
