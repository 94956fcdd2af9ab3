import ProcrunLanguage
package import ProcrunText

/// Every refusal an MCP tool answers an agent with, with the data its message needs: ``described``
/// writes all of these messages, in JSON's terms and the tools' own argument names, and picks each
/// one's ``MCPToolResult/Kind``, as ``DiagnosticMessage`` catalogs pick ids. Problems that procrun's
/// diagnostics already describe (a procedure that does not load, a reference refused) travel as
/// those diagnostics (``refused(reference:_:)``, ``procedureProblems(_:)``).
package enum AgentProblem: Error, Sendable {
    /// A tool this server does not have; `known` are those it has.
    case unknownTool(name: String, known: [String])
    /// A required argument left out (or null).
    case missingArgument(name: String)
    /// An argument of the wrong JSON type; `expected` is the type with its article.
    case argumentType(name: String, expected: String, found: Value)
    /// A `limit` that is not a positive integer.
    case notPositive(name: String, found: Value)
    /// A step of `record_procedure`'s `steps` (1-based `number`) that is not an object with a
    /// string `action`.
    case stepWithoutAction(number: Int)
    /// A step's `parameters` that is not an object.
    case stepParameters(number: Int, found: Value)
    /// A step of `record_procedure` (1-based `step`) that does not read as a line of an action
    /// log, or (no `step`) an input declaration it refuses; `reason` is the recorder's message
    /// (``RecordingProblem``'s).
    case recordingRefused(step: Int?, reason: String)
    /// A procedure reference (the `name` argument) the library refuses: no such procedure, or a
    /// path outside the library.
    case refused(reference: String, Diagnostic)
    /// A procedure that does not load: its diagnostics, with the files they quote `rendered`.
    case procedureProblems([Diagnostic], rendered: String)
    /// A draft `record_procedure` does not write: its name is not a name or is taken, it does
    /// not check, or the file could not be written.
    case notRecorded([Diagnostic])
    /// A call stopped because the server was interrupted, with no answer (`run`: a
    /// `run_procedure` run, without its report).
    case interrupted(run: Bool)
    /// A run stopped after the server's limit for one call.
    case runTimedOut(limit: Duration)
    /// An argument whose value the command line would refuse too (a date that names none): the
    /// command line's diagnostic, its message in the arguments' names.
    case invalidArgument(Diagnostic)
    /// A procrun child (`run`, `stats`) that ended without its JSON: what it printed on standard
    /// error, or nothing.
    case childFailed(command: String, status: Int32, stderr: String)

    /// The refusal's kind and its message: lower case, what was expected and what was found.
    package var described: (kind: MCPToolResult.Kind, message: String) {
        switch self {
        case .unknownTool(let name, let known): (.invalidArguments, "unknown tool '\(name)'\(Suggestion.hint(for: name, in: known))")
        case .missingArgument(let name): (.invalidArguments, "missing required argument '\(name)'")
        case .argumentType(let name, let expected, let found): (.invalidArguments, "expected \(expected) for argument '\(name)', found \(Self.described(found))")
        case .notPositive(let name, let found): (.invalidArguments, "expected a positive integer for argument '\(name)', found \(found.jsonText.excerpt(40))")
        case .stepWithoutAction(let number): (.invalidArguments, "step \(number): expected an object with a string 'action'")
        case .stepParameters(let number, let found): (.invalidArguments, "step \(number): expected an object for 'parameters', found \(Self.described(found))")
        case .recordingRefused(let step, let reason): (.invalidArguments, (step.map { "step \($0): " } ?? "") + reason)
        case .refused(_, let problem):
            (problem.id == .outsideLibrary ? .outsideLibrary : .unknownProcedure, DiagnosticRenderer(color: false).render(problem).trimmingSpaces())
        case .procedureProblems(_, let rendered): (.invalidProcedure, "the procedure has problems:\n" + rendered)
        case .notRecorded(let problems):
            (
                problems.contains { $0.id == .recordingInvalid } ? .invalidProcedure : problems.contains { $0.id == .fileOperation } ? .serverError : .invalidArguments,
                DiagnosticRenderer(color: false).render(problems).trimmingSpaces()
            )
        case .interrupted(let run): (.interrupted, run ? "the run was \(Interrupts.message)" : Interrupts.message)
        case .runTimedOut(let limit): (.timedOut, "the run took longer than \(limit.shortDescription) and was stopped")
        case .invalidArgument(let problem): (.invalidArguments, problem.message)
        case .childFailed(let command, let status, let stderr): (.serverError, stderr.isEmpty ? "procrun \(command) exited with status \(status)" : stderr)
        }
    }

    /// The diagnostics behind the refusal, for a client to read as data.
    package var diagnostics: [Diagnostic] {
        switch self {
        case .refused(_, let problem): [problem]
        case .procedureProblems(let problems, _), .notRecorded(let problems): problems
        default: []
        }
    }

    /// A JSON value as the messages name it: its JSON type with its article, and a short value
    /// its text too (`the string "many"`, `an array`).
    private static func described(_ value: Value) -> String {
        switch value {
        case .string(let text): "the string \(Value.string(text.excerpt(40)).jsonText)"
        case .integer, .number, .boolean: "the \(value.valueType.name) \(value.jsonText)"
        case .null: "null"
        case .list: "an array"
        case .mapping: "an object"
        }
    }
}
