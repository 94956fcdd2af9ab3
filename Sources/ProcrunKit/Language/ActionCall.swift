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
}

/// The levels of the `log` action.
package enum LogLevel: String, Sendable, CaseIterable {
    case info, warn, error
}

/// A command to run: a `shell` step or a library action's definition.
///
/// What most commands leave unset (environment, working folder, shell, standard input) lives in
/// one shared, copy-on-write box, as a ``Step``'s rarely-set settings do: three optional templates
/// inline made every command about 430 bytes, most of the memory a loaded `shell` step takes.
package struct CommandCall: Sendable {
    /// The command as one string or as an argument list.
    package enum Command: Sendable {
        /// A command line, planned by ``ShellPlanner``.
        case line(TemplateField)
        /// Arguments run directly, without a shell.
        case arguments([TemplateField])
    }

    /// The command.
    package var command: Command
    private var options = Self.defaultOptions
    private static let defaultOptions = OutOfLine(Options())

    /// A command with every option unset.
    package init(command: Command) {
        self.command = command
    }

    /// Variables added to the environment.
    package var environment: [(name: String, field: TemplateField)] {
        get { options.value.environment }
        set { options.update { $0.environment = newValue } }
    }
    /// The working folder.
    package var workingDirectory: TemplateField? {
        get { options.value.workingDirectory }
        set { options.update { $0.workingDirectory = newValue } }
    }
    /// The shell used when the command needs one.
    package var shell: TemplateField? {
        get { options.value.shell }
        set { options.update { $0.shell = newValue } }
    }
    /// Text for standard input.
    package var standardInput: TemplateField? {
        get { options.value.standardInput }
        set { options.update { $0.standardInput = newValue } }
    }
    /// True when no option is set (most commands): their templates need not be looked at.
    package var hasDefaultOptions: Bool { options.isShared(with: Self.defaultOptions) }

    /// The options most commands leave unset (``defaultOptions`` holds them for all).
    private struct Options: Sendable {
        var environment: [(name: String, field: TemplateField)] = []
        var workingDirectory: TemplateField?
        var shell: TemplateField?
        var standardInput: TemplateField?
    }
}

/// A value given to the `set` action.
package enum SetValue: Sendable {
    /// A plain `true`, `false` or number, typed as YAML 1.2's core schema reads it.
    case typed(Value)
    /// A template, rendered when the step runs.
    case template(TemplateField)
}

/// The parameters of a `write_file` step.
package struct WriteFileCall: Sendable {
    /// Where to write.
    package var path: TemplateField
    /// What to write.
    package var content: TemplateField
    /// Append instead of replacing.
    package var append = false
    /// Permissions for a new file.
    package var mode: UInt32 = 0o644
    /// Create missing parent folders.
    package var createDirectories = false
    /// `outside_library`: the path may lie outside the library folder.
    package var outsideLibrary = false
}

/// The parameters of an `http` step.
package struct HTTPCall: Sendable {
    /// The URL.
    package var url: TemplateField
    /// The method, `GET` by default.
    package var method: TemplateField?
    /// Request headers.
    package var headers: [(name: String, field: TemplateField)] = []
    /// The request body.
    package var body: TemplateField?
}
