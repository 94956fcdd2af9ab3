import Glibc

/// Writes `NAME.yaml` at the library's root, after checking it loads as any procedure would.
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
        let library = try Library.discover(forProcedureAt: path, override: root)
        // Checked under a hidden name (the index passes over dot files), then moved into place.
        let scratch = FileSystem.join(root, ".\(draft.name).recording.yaml")
        do {
            try FileSystem.write(Array(draft.yaml.utf8), to: scratch)
        } catch {
            throw refuse(RecordingProblem.fileOperation(reason: error.description))
        }
        defer { unlink(scratch) }
        let graph = CallGraph(library: library)
        do {
            _ = try graph.load(path: scratch)
        } catch {
            var renderer = DiagnosticRenderer(color: false)
            for file in graph.sources { renderer.add(file) }
            // Shown under the name the file would have had.
            let text = renderer.render(error.diagnostics).replacingOccurrences(scratch, with: path)
            throw refuse(RecordingProblem.draftInvalid(problems: text))
        }
        do {
            try FileSystem.writeAtomically(Array(draft.yaml.utf8), to: path, replacing: false)
        } catch {
            throw refuse(RecordingProblem.fileOperation(reason: error.description))
        }
        return path
    }
}
