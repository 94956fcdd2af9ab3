package import ProcrunLanguage

/// The command a step will run, templates shown as written (`$ make test SUITE={{ inputs.suite }}`):
/// what `procrun show` prints under each step, as `just --show` prints a recipe. A library action's
/// `{{ params.NAME }}` is replaced by what the step passes (or the parameter's default).
package enum CommandPreview {
    /// The preview line of a step's call, or nil for an action that runs no command.
    package static func text(of call: ActionCall) -> String? {
        switch call {
        case .builtin(let action):
            return action.preview
        case .library(let action, let arguments):
            var values: [String: String] = [:]
            for parameter in action.parameters { values[parameter.name] = parameter.defaultValue }
            for argument in arguments { values[argument.name] = argument.field.text }
            return action.command.preview(parameters: values)
        case .procedure, .external, .parallel:
            return nil
        }
    }
}
