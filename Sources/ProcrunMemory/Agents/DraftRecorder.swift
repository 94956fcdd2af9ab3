import ProcrunLanguage
package import ProcrunText

/// Writes `NAME.yaml` at the library's root through ``ProcedureStore`` (the one way a new
/// procedure is written), after checking it loads as any procedure would.
package struct DraftRecorder: ProcedureRecorder {
    /// A recorder.
    package init() {}

    /// See ``ProcedureRecorder/record(_:inLibrary:)``.
    package func record(_ draft: StepListDraft, inLibrary root: String) throws(DiagnosticsError) -> String {
        func refuse(_ problem: some DiagnosticMessage) -> DiagnosticsError { DiagnosticsError([Diagnostic(problem)]) }
        guard NodeReader.isIdentifier(draft.name) else {
            throw refuse(LanguageProblem.invalidName(kind: "procedure", found: draft.name))
        }
        guard !draft.steps.isEmpty else { throw refuse(RecordingProblem.draftEmpty) }
        let path = FileSystem.join(root, draft.name + ".yaml")
        if let existing = ProcedureIndex(root: root).entriesByName[draft.name]?.first {
            throw refuse(RecordingProblem.nameTaken(name: draft.name, path: existing.path))
        }
        guard !FileSystem.exists(path) else { throw refuse(RecordingProblem.pathTaken(path: path)) }
        let store = ProcedureStore(library: try Library.discover(forProcedureAt: path, override: root))
        let plan = try store.plan(draft.name, policy: .refuse)
        do {
            _ = try store.validate(draft.yaml, at: plan.path)
        } catch {
            let renderer = DiagnosticRenderer(color: false, sources: [SourceFile(path: plan.path, text: draft.yaml)])
            throw refuse(RecordingProblem.draftInvalid(problems: renderer.render(error.diagnostics)))
        }
        try store.write(draft.yaml, plan: plan)
        return plan.path
    }
}
