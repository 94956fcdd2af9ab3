/// The command a step will run, templates shown as written (`$ make test SUITE={{ inputs.suite }}`):
/// what `procrun show` prints under each step, as `just --show` prints a recipe. A library action's
/// `{{ params.NAME }}` is replaced by what the step passes (or the parameter's default).
enum CommandPreview {
    /// The preview line of a step's call, or nil for an action that runs no command.
    static func text(of call: ActionCall) -> String? {
        switch call {
        case .shell(let command):
            return line(command, parameters: [:])
        case .library(let action, let arguments):
            var values: [String: String] = [:]
            for parameter in action.parameters { values[parameter.name] = parameter.defaultValue }
            for argument in arguments { values[argument.name] = argument.field.text }
            return line(action.command, parameters: values)
        default:
            return nil
        }
    }

    private static func line(_ call: CommandCall, parameters: [String: String]) -> String {
        switch call.command {
        case .line(let field):
            return "$ " + substitute(field.template, parameters)
        case .arguments(let fields):
            return "$ " + fields.map { ShellQuote.word(substitute($0.template, parameters)) }.joined(separator: " ")
        }
    }

    /// The template's text with each bare `{{ params.NAME }}` replaced by `parameters[NAME]`.
    private static func substitute(_ template: Template, _ parameters: [String: String]) -> String {
        if template.isLiteral || parameters.isEmpty { return template.source }
        let scalars = Array(template.source.unicodeScalars)
        var out = ""
        for part in template.parts {
            switch part {
            case .text(let text):
                out += text
            case .expression(let expression, let range):
                if case .path(let path) = expression.kind, path.root == "params", path.components.count == 1,
                    case .field(let name) = path.components[0], let value = parameters[name]
                {
                    out += value
                } else {
                    out.unicodeScalars.append(contentsOf: scalars[range.clamped(to: 0..<scalars.count)])
                }
            }
        }
        return out
    }
}
