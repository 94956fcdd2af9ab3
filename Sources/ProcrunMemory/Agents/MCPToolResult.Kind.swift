package import ProcrunText

extension MCPToolResult {
    /// What kind of error a tool call ended in, for a client to branch on without reading the
    /// text: `structuredContent.kind`. Each comes from data (a diagnostic's id, an exit status,
    /// the tool's own check of its arguments), never from a message's wording.
    package enum Kind: String, Sendable, CaseIterable {
        /// An argument missing or of the wrong JSON type, a `record_procedure` name that is not a
        /// name or is taken, a tool the server does not have.
        case invalidArguments = "invalid_arguments"
        /// A `name` that names no procedure of the library (or more than one).
        case unknownProcedure = "unknown_procedure"
        /// A `name` that is a path leading outside the library folder.
        case outsideLibrary = "outside_library"
        /// A procedure (or the library's `procrun.yaml`, or a procedure it calls) with problems,
        /// so it cannot run; or a `record_procedure` draft that does not check.
        case invalidProcedure = "invalid_procedure"
        /// A `run_procedure` `name` that names an internal procedure, which runs only when
        /// another procedure calls it.
        case internalProcedure = "internal_procedure"
        /// `run_procedure` inputs the procedure does not take: unknown, of the wrong type, not
        /// allowed, missing.
        case invalidInput = "invalid_input"
        /// A run that started and failed: the report says which step and why.
        case runFailed = "run_failed"
        /// A call stopped because the server was interrupted (SIGINT, SIGTERM, SIGHUP).
        case interrupted
        /// A run stopped after the server's limit for one call.
        case timedOut = "timed_out"
        /// procrun could not do what was asked for a reason of its own: a file it could not
        /// write, a child process that ended without its answer.
        case serverError = "server_error"

        /// The kind of a `run_procedure` run that did not start, from the ids of the problems its
        /// report lists (`diagnostics`): inputs it does not take (`invalid-input`), an internal
        /// procedure (`internal-procedure`), else a procedure that cannot run (the file, a
        /// procedure it calls, the library).
        package init(notStarted ids: [Diagnostic.ID]) {
            self = ids.contains(.invalidInput) ? .invalidInput : ids.contains(.internalProcedure) ? .internalProcedure : .invalidProcedure
        }

        /// The kind of a `run --json` report printed with exit status 2 (nothing ran), from its
        /// `diagnostics`' ids.
        package init(notStartedReport report: String) {
            guard case .mapping(let fields)? = Value(jsonText: report), case .list(let problems)? = fields["diagnostics"] else {
                self = .invalidProcedure
                return
            }
            self.init(notStarted: problems.compactMap { if case .mapping(let problem) = $0, case .string(let id)? = problem["id"] { Diagnostic.ID(id) } else { nil } })
        }
    }
}
