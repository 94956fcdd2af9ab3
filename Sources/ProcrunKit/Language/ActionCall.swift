/// A step's action with its parameters, compiled from the file: what the interpreter executes.
package indirect enum ActionCall: Sendable {
    /// Run a command.
    case shell(CommandCall)
    /// Print a message.
    case log(message: TemplateField, level: LogLevel)
    /// Fail unless every condition holds.
    case assert(conditions: [Condition], message: TemplateField?)
    /// Always fail.
    case fail(message: TemplateField?)
    /// Wait.
    case sleep(duration: TemplateField)
    /// Set variables for later steps.
    case set([(name: String, value: SetValue)])
    /// Write a file.
    case writeFile(WriteFileCall)
    /// Send an HTTP request.
    case http(HTTPCall)
    /// Run an action defined in the library's `procrun.yaml`.
    case library(LibraryAction, arguments: [(name: String, field: TemplateField)])
    /// Run another procedure of the library.
    case procedure(ProcedureCall)
    /// Hand an action nothing else defines to the library's executor.
    case external(name: String, parameters: [(name: String, value: ParameterTree)])
    /// Call a tool on a configured MCP server.
    case mcp(MCPCall)
    /// Run a group of steps side by side (a step with `parallel:`).
    case parallel(ParallelGroup)
}
