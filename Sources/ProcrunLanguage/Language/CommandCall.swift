import ProcrunText

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
    /// The shell used when the command needs one: a line of words or a list (nil: the
    /// procedure's, ``CommandCall/shellWords(in:file:)``).
    package var shell: Command? {
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
        var shell: Command?
        var standardInput: TemplateField?
    }
}
