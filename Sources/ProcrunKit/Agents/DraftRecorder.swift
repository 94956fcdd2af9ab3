/// Writes `NAME.yaml` at the library's root through ``ProcedureStore`` (the one way a new
/// procedure is written), after checking it loads as any procedure would.
package struct DraftRecorder: ProcedureRecorder {
    /// A recorder.
    package init() {}

    /// See ``ProcedureRecorder/record(_:inLibrary:)``.
    package func record(_ draft: StepListDraft, inLibrary root: String) throws(DiagnosticsError) -> String {
        func refuse(_ message: String) -> DiagnosticsError { DiagnosticsError([Diagnostic(.error, message)]) }
        guard NodeReader.isIdentifier(draft.name) else {
            throw refuse("procedure names must be letters, digits, '_' and '-' starting with a letter, found '\(draft.name)'")
        }
        guard !draft.steps.isEmpty else { throw refuse("a procedure needs at least one step; the draft has none") }
        let path = FileSystem.join(root, draft.name + ".yaml")
        if let existing = ProcedureIndex(root: root).entriesByName[draft.name]?.first {
            throw refuse("a procedure named '\(draft.name)' already exists (\(existing.path)); choose another name")
        }
        guard !FileSystem.exists(path) else { throw refuse("'\(path)' already exists; choose another name") }
        let store = ProcedureStore(library: try Library.discover(forProcedureAt: path, override: root))
        let plan = try store.plan(draft.name, policy: .refuse)
        do {
            _ = try store.validate(draft.yaml, at: plan.path)
        } catch {
            let renderer = DiagnosticRenderer(color: false, sources: [SourceFile(path: plan.path, text: draft.yaml)])
            throw refuse("the recorded procedure does not check:\n" + renderer.render(error.diagnostics))
        }
        try store.write(draft.yaml, plan: plan)
        return plan.path
    }
}
