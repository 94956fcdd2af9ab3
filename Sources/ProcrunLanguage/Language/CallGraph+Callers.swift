import ProcrunText

extension CallGraph {
    /// Which procedures of the library call which: for each callee's key, the names of the
    /// procedures with a step that calls it by a name or path written in the file (a templated
    /// reference is known only when it runs). Loads every procedure of the library; those with
    /// problems are left out.
    package func callers() -> [String: Set<String>] {
        for entry in index.entries { _ = try? load(path: entry.path) }
        var found: [String: Set<String>] = [:]
        for procedure in procedures.values {
            for (_, call) in procedure.procedureCalls {
                if let callee = call.callee { found[callee.key, default: []].insert(procedure.name.value) }
            }
        }
        return found
    }
}
