import ProcrunText

/// `replay_procedure`: runs another procedure of the library as the step. Only its declaration is
/// here: the step is a ``ProcedureCall``, compiled and run as a step that names the procedure as
/// its action is (``ProcedureLoader/compileProcedureCall(_:_:direct:parametersMisspelled:reader:)``).
enum ReplayProcedureAction {
    /// The action's name, what it does and its parameters.
    static let declaration = ActionDeclaration(
        "replay_procedure", "Runs another procedure of the library as this step.",
        parameters: [
            ActionParameter(
                "procedure", .template, .required,
                "a procedure name, or a path inside the library (`team/deploy.yaml`); may be a template, resolved when the step runs"),
            ActionParameter("inputs", .namedValues, .value(.mapping([:])), "the callee's inputs"),
        ])
}
