import ProcrunLanguage
package import ProcrunText

/// Records what an agent gives MCP's `record_procedure` exactly as `procrun record --from LOG
/// --description TEXT --tags a,b` records the same actions (``ActionRecording``): the same steps,
/// ids, working folder, secret inputs, expectations and stats, the same file through
/// ``ProcedureStore``, checked as any procedure is before it is written.
package struct AgentRecorder: ProcedureRecorder {
    /// A recorder.
    package init() {}

    /// See ``ProcedureRecorder/record(_:inLibrary:)``.
    package func record(_ recording: AgentRecording, inLibrary root: String) throws(DiagnosticsError) -> (path: String, warnings: [Diagnostic]) {
        func refuse(_ problem: some DiagnosticMessage) -> DiagnosticsError { DiagnosticsError([Diagnostic(problem)]) }
        let name = recording.name
        guard NodeReader.isIdentifier(name) else { throw refuse(LanguageProblem.invalidName(kind: "procedure", found: name)) }
        guard !recording.steps.isEmpty else { throw refuse(RecordingProblem.draftEmpty) }
        let path = FileSystem.join(root, name + ".yaml")
        if let existing = ProcedureIndex(root: root).entriesByName[name]?.first {
            throw refuse(RecordingProblem.nameTaken(name: name, path: existing.path))
        }
        guard !FileSystem.exists(path) else { throw refuse(RecordingProblem.pathTaken(path: path)) }
        let library = try Library.discover(forProcedureAt: path, override: root)
        let store = ProcedureStore(library: library)
        let plan = try store.plan(name, policy: .refuse)
        var actions = ActionRecording(
            recorder: Recorder(name: name, description: recording.description, tags: recording.tags, library: library), library: library, source: .actions)
        actions.declaredInputs = recording.inputs
        guard let made = actions.make([recording.steps], plan: plan) else {
            throw DiagnosticsError([actions.nothingSucceeded([recording.steps])])
        }
        let text = actions.text(of: made.draft)
        do {
            _ = try store.validate(text, at: plan.path)
        } catch {
            let renderer = DiagnosticRenderer(color: false, sources: [SourceFile(path: plan.path, text: text)])
            throw refuse(RecordingProblem.draftInvalid(problems: renderer.render(error.diagnostics)))
        }
        try store.write(text, plan: plan)
        return (plan.path, made.warnings.map { $0.diagnostic(in: made.draft) })
    }
}
