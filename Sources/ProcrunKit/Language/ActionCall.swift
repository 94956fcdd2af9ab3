/// A step's action with its parameters, compiled from the file: what the interpreter executes.
public indirect enum ActionCall: Sendable {
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
}

/// The levels of the `log` action.
public enum LogLevel: String, Sendable, CaseIterable {
    case info, warn, error
}

/// A command to run: a `shell` step or a library action's definition.
public struct CommandCall: Sendable {
    /// The command as one string or as an argument list.
    public enum Command: Sendable {
        /// A command line, planned by ``ShellPlanner``.
        case line(TemplateField)
        /// Arguments run directly, without a shell.
        case arguments([TemplateField])
    }

    /// The command.
    public var command: Command
    /// Variables added to the environment.
    public var environment: [(name: String, field: TemplateField)] = []
    /// The working folder.
    public var workingDirectory: TemplateField?
    /// The shell used when the command needs one.
    public var shell: TemplateField?
    /// Text for standard input.
    public var standardInput: TemplateField?
}

/// A value given to the `set` action.
public enum SetValue: Sendable {
    /// A plain `true`, `false` or number, typed as YAML 1.2's core schema reads it.
    case typed(Value)
    /// A template, rendered when the step runs.
    case template(TemplateField)
}

/// The parameters of a `write_file` step.
public struct WriteFileCall: Sendable {
    /// Where to write.
    public var path: TemplateField
    /// What to write.
    public var content: TemplateField
    /// Append instead of replacing.
    public var append = false
    /// Permissions for a new file.
    public var mode: UInt32 = 0o644
    /// Create missing parent folders.
    public var createDirectories = false
}

/// The parameters of an `http` step.
public struct HTTPCall: Sendable {
    /// The URL.
    public var url: TemplateField
    /// The method, `GET` by default.
    public var method: TemplateField?
    /// Request headers.
    public var headers: [(name: String, field: TemplateField)] = []
    /// The request body.
    public var body: TemplateField?
}
