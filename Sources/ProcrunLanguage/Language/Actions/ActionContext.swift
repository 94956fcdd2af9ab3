package import ProcrunSystem
package import ProcrunText

/// What a built-in action may use of the run it is a step of: the names its templates read, the
/// run's folders, the step's time, processes and the run's MCP servers. The interpreter is the
/// context of its steps; an action sees no more of it than this.
package protocol ActionContext: AnyObject {
    /// The names templates read now (`inputs`, `steps`, `vars`, ...).
    var names: RenderContext { get }
    /// The variables `set` steps gave (`vars`).
    var vars: [String: Value] { get set }
    /// The procedure's file, where the step and its templates are written.
    var file: SourceFile { get }
    /// The procedure file's folder (absolute): where relative paths start (a step's `cwd`'s too).
    var directory: String { get }
    /// Where the procedure's commands run when a step sets no `cwd` (absolute): its `cwd`, else
    /// the library's `defaults.cwd`, else ``directory`` (``Procedure/commandDirectory(in:)``).
    var commandDirectory: String { get }
    /// The shell of the procedure's command lines when a step sets no `shell`: its `shell`, else
    /// the library's `defaults.shell`, else `/bin/sh` (``Procedure/shell(in:)``).
    var shell: ShellProgram { get }
    /// The library's folder, absolute.
    var libraryDirectory: String { get }
    /// The library's folder as it was given (for messages).
    var libraryRoot: String { get }
    /// procrun's own working folder: a command meant to run there needs no `chdir`.
    var currentDirectory: String { get }
    /// The variables every command gets on top of procrun's environment: the library's and the
    /// procedure's `env` and `.env` files, a later one winning.
    var commandEnvironment: [(String, String)] { get }
    /// The library's MCP servers, by name.
    var mcpServers: [String: ExternalCommand] { get }

    /// How long the step's action may run: its `timeout` (or the default timeout), shortened to
    /// what is left of a calling step's timeout; nil for no limit.
    var timeLimit: Duration? { get }
    /// The step's own `timeout`, shortened to what is left of a calling step's; nil for no limit.
    /// What bounds an action that waits for something (as the default timeout does not).
    var ownTimeLimit: Duration? { get }
    /// `duration`, shortened to what is left before a calling step's timeout runs out.
    func timeLeft(_ duration: Duration?) -> Duration?
    /// The timeout to name when something limited to `limit` (from ``timeLimit``) timed out: the
    /// calling step's `timeout` as written when that is what ran out, else `limit`.
    func expiredTimeout(_ limit: Duration?) -> Duration?

    /// A template's value now; a template error fails the step at the template's position in
    /// `file` (nil: the procedure's).
    func render(_ field: TemplateField, file: SourceFile?) throws(StepFailure) -> Value
    /// A template's value now, as text.
    func string(_ field: TemplateField, file: SourceFile?) throws(StepFailure) -> String
    /// The text with the run's secret values hidden.
    func redact(_ text: String) -> String
    /// The names a command line's template reads inside shell arithmetic (worked out once per line).
    func arithmeticNames(in template: Template) -> Set<String>

    /// Shows a `log` step's message.
    func log(_ message: String, level: LogLevel)
    /// Runs the step's process: ended with the parallel group that calls the step off, its output
    /// shown as it comes when the run streams output, what it leaves running ended with the run
    /// (unless the step says `keep_running`).
    func run(_ spec: ProcessSpec) throws(SpawnError) -> ProcessResult
    /// Shows what a command printed without a process (a builtin `echo`) as a process's output is.
    func show(output text: String)
    /// Calls `tool` on the MCP server `server` of the library, starting it on first use; a server
    /// left in an unknown state by a failure is stopped for the rest of the run.
    func callTool(_ tool: String, arguments: Value, on server: String, _ command: ExternalCommand, timeout: Duration) throws(ExternalFailure)
        -> (text: String, isError: Bool)
}

extension ActionContext {
    /// A template of the procedure's file, rendered now.
    func render(_ field: TemplateField) throws(StepFailure) -> Value {
        try render(field, file: nil)
    }

    /// A template of the procedure's file, rendered now as text.
    func string(_ field: TemplateField) throws(StepFailure) -> String {
        try string(field, file: nil)
    }

    /// An optional template rendered as text, or nil.
    func string(_ field: TemplateField?) throws(StepFailure) -> String? {
        guard let field else { return nil }
        return try string(field, file: nil)
    }

    /// A tree of templates' values now: every template rendered to its value.
    package func render(_ tree: ParameterTree) throws(StepFailure) -> Value {
        switch tree {
        case .literal(let value): return value
        case .template(let field): return try render(field)
        case .list(let items):
            var values: [Value] = []
            for item in items { values.append(try render(item)) }
            return .list(values)
        case .mapping(let pairs):
            var fields: [String: Value] = [:]
            for (key, value) in pairs { fields[key] = try render(value) }
            return .mapping(fields)
        }
    }
}
