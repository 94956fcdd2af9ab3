package import ProcrunText

/// Writes a new procedure into a library from what an agent gives: the seam behind the MCP
/// `record_procedure` tool (``AgentRecorder``, which records as `procrun record --from` does).
package protocol ProcedureRecorder: Sendable {
    /// Writes the recording into the library rooted at `root`; returns the new file's path and
    /// the warnings of the recording. Refuses to replace an existing file or name, and refuses a
    /// procedure that does not check.
    func record(_ recording: AgentRecording, inLibrary root: String) throws(DiagnosticsError) -> (path: String, warnings: [Diagnostic])
}
