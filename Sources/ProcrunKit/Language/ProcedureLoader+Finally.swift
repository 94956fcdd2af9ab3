extension ProcedureLoader {
    /// Numbers the `finally` steps after the main steps (so reports and stats number a step by one count), and refuses an id that a main step already uses.
    func numberFinally(_ procedure: inout Procedure, reader: inout NodeReader) {
        var ids: [String: SourceLocation] = [:]
        for step in procedure.steps { if let id = step.id { ids[id.value] = ids[id.value] ?? id.location } }
        for index in procedure.finally.indices {
            procedure.finally[index].index = procedure.steps.count + index
            guard let id = procedure.finally[index].id, let first = ids[id.value] else { continue }
            reader.error(.duplicateStepID, "duplicate step id '\(id.value)' (first used at line \(first.line), column \(first.column))", at: id.location)
        }
    }
}
