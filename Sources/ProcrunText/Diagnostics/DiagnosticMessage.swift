/// A kind of problem with the data its message needs, as swift-syntax's `DiagnosticMessage` and
/// just's `CompileErrorKind` are: each layer that reports problems has one enum of them
/// (``YAMLProblem``, ``TemplateProblem``, ``ProcedureProblem``, ``LibraryProblem``,
/// ``LearningProblem``, ``RecordingProblem``, ``CommandProblem``), whose ``described`` writes every
/// message of the layer and picks its ``Diagnostic/ID``, in one place. A raising site names the
/// problem with its data and says where it is; it never writes a message.
package protocol DiagnosticMessage: Sendable {
    /// The problem's identifier and its message: lower case, what was expected and what was found.
    var described: (id: Diagnostic.ID, message: String) { get }
}
