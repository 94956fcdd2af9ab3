package import ProcrunText

extension Library {
    /// Why the procedure in the file at `path` may not be started on its own (`procrun NAME`,
    /// `procrun run FILE`, and so MCP `run_procedure`, which runs that command): it is internal
    /// (`internal: true`) and runs only when another procedure calls it (a call step,
    /// `replay_procedure`). Nil when it may be started. The one answer to "may this be run";
    /// ``ProcedureIndex/listed`` is the one answer to "may this be listed".
    package func refusalToStart(_ path: String, index: ProcedureIndex? = nil) -> Diagnostic? {
        guard let header = ProcedureIndex.header(at: path), let location = header.internalAt else { return nil }
        let callers = CallGraph(library: self, index: index).callers()[CallGraph.key(of: path)] ?? []
        return Diagnostic(LibraryProblem.internalProcedure(name: header.name, callers: callers.sorted()), path: path, at: location)
    }
}
