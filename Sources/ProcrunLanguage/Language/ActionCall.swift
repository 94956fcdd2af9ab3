/// A step's action with its parameters, compiled from the file: what the interpreter executes.
///
/// A built-in action is held as it is (an existential holds a large one in a box of its own); the
/// rarer calls are boxed, so that a step stays small.
package enum ActionCall: Sendable {
    /// Perform a built-in action (``BuiltinActions``).
    case builtin(any BuiltinAction)
    /// Run an action defined in the library's `procrun.yaml`.
    indirect case library(LibraryAction, arguments: [(name: String, field: TemplateField)])
    /// Run another procedure of the library.
    indirect case procedure(ProcedureCall)
    /// Hand an action nothing else defines to the library's executor.
    indirect case external(name: String, parameters: [(name: String, value: ParameterTree)])
    /// Run a group of steps side by side (a step with `parallel:`).
    indirect case parallel(ParallelGroup)

    /// The call of a step whose action could not be compiled, kept so that the step's other
    /// problems are reported in the same pass.
    static var placeholder: ActionCall { .builtin(FailAction(message: nil)) }

    /// Whether running the call changes something outside procrun (dry runs describe these).
    package var hasEffects: Bool {
        switch self {
        case .builtin(let action): type(of: action).hasEffects
        case .library, .external: true
        case .procedure, .parallel: false
        }
    }

    /// The `set` step's variables, for a `set` step.
    package var setValues: [(name: String, value: SetValue)]? {
        guard case .builtin(let action) = self, let set = action as? SetAction else { return nil }
        return set.values
    }
}
