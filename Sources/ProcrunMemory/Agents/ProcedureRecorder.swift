package import ProcrunText

/// Writes a new procedure into a library from a ``StepListDraft``: the seam behind the MCP
/// `record_procedure` tool (``DraftRecorder`` here; `procrun record` can take its place).
package protocol ProcedureRecorder: Sendable {
    /// Writes the draft into the library rooted at `root` and returns the new file's path.
    /// Refuses to replace an existing file or name, and refuses a draft that does not check.
    func record(_ draft: StepListDraft, inLibrary root: String) throws(DiagnosticsError) -> String
}
