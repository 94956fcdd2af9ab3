import ProcrunRuntime
package import ProcrunText

/// The tools `procrun mcp` serves, free of any MCP library: the server maps its messages onto
/// ``tools`` and ``call(_:arguments:)``. Finding and recording go through seams
/// (``ProcedureFinder``, ``ProcedureRecorder``) so that better implementations can be plugged in.
package struct MCPToolbox: Sendable {
    /// The library folder served.
    package var root: String
    /// Finds procedures for `find_procedures`.
    package var finder: any ProcedureFinder
    /// Writes procedures for `record_procedure`.
    package var recorder: any ProcedureRecorder
    /// The longest one `run_procedure` may take.
    package var runTimeout: Duration = .seconds(3600)
    /// The longest one step of a `run_procedure` run may take when it sets no `timeout` of its own
    /// (handed to `procrun run --timeout`), so that one hung step cannot hold an agent.
    package var stepTimeout: Duration = .seconds(600)
    /// How long a `run_procedure` child told to stop (a timeout, an interrupt) has to end its step
    /// and run its finally steps before it is killed: their grace and a step's kill grace, and more.
    static let runGrace = FinallyRun.grace + .seconds(10)

    /// A toolbox serving the library at `root` with the built-in finder and recorder.
    package init(root: String, finder: any ProcedureFinder = RankedFinder(), recorder: any ProcedureRecorder = AgentRecorder()) {
        self.root = root
        self.finder = finder
        self.recorder = recorder
    }

    /// Calls the tool `name`; unknown tools and bad arguments are tool errors, never crashes.
    /// `progress`, when given, hears how a `run_procedure` run goes as each step starts and
    /// finishes, while it runs (other tools report none).
    package func call(_ name: String, arguments: [String: Value], progress: (@Sendable (MCPProgress) -> Void)? = nil) -> MCPToolResult {
        switch name {
        case "find_procedures": return find(arguments)
        case "show_procedure": return show(arguments)
        case "run_procedure": return run(arguments, progress: progress)
        case "record_procedure": return record(arguments)
        case "procedure_stats": return stats(arguments)
        case "procedure_history": return history(arguments)
        case "library_report": return report(arguments)
        default: return .error(.unknownTool(name: name, known: Self.tools.map(\.name)))
        }
    }

    /// A string argument, or the error to return.
    static func string(_ arguments: [String: Value], _ key: String, required: Bool = true) -> Result<String?, AgentProblem> {
        switch arguments[key] {
        case nil, .null?: return required ? .failure(.missingArgument(name: key)) : .success(nil)
        case .string(let text)?: return .success(text)
        case let other?: return .failure(.argumentType(name: key, expected: "a string", found: other))
        }
    }
}
