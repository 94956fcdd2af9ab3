/// A kind of problem with the data its message needs, as swift-syntax's `DiagnosticMessage` and
/// just's `CompileErrorKind` are: each layer that reports problems has one enum of them
/// (`YAMLProblem`, `TemplateProblem`, `LanguageProblem`, `LibraryProblem`, `LearningProblem`,
/// `RecordingProblem`, `RetrievalProblem`, `CommandProblem`), whose ``described`` writes every
/// message of the layer and picks its ``Diagnostic/ID``, in one place. A raising site names the
/// problem with its data and says where it is; it never writes a message. (A step's failures at
/// run time have their catalog too: `StepProblem`, which picks each failure's kind; and so do an
/// MCP tool's refusals: `AgentProblem`, which picks each refusal's kind.)
package protocol DiagnosticMessage: Sendable {
    /// The problem's identifier and its message: lower case, what was expected and what was found.
    var described: (id: Diagnostic.ID, message: String) { get }
}
