import Glibc

/// Writes `NAME.yaml` at the library's root, after checking it loads as any procedure would.
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
        let library = try Library.discover(forProcedureAt: path, override: root)
        // Checked under a hidden name (the index passes over dot files), then moved into place.
        let scratch = FileSystem.join(root, ".\(draft.name).recording.yaml")
        do {
            try FileSystem.write(Array(draft.yaml.utf8), to: scratch)
        } catch {
            throw refuse(error.description)
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
            throw refuse("the recorded procedure does not check:\n" + text)
        }
        do {
            try FileSystem.writeAtomically(Array(draft.yaml.utf8), to: path, replacing: false)
        } catch {
            throw refuse(error.description)
        }
        return path
    }
}
