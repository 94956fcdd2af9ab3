package import ProcrunText

/// `shell`: runs a command. Outcome: its standard output. Library actions of `procrun.yaml` are
/// commands too: they are compiled, previewed, described and run as this action's command is.
package final class ShellAction: BuiltinAction {
    package static let declaration = ActionDeclaration(
        "shell", "Runs a command. Outcome: its standard output.",
        parameters: [
            ActionParameter(
                "command", .command, .required,
                "the command: a line (run directly, or by the shell when it has shell syntax) or a list of words (never a shell); see [Shell safety](#shell-safety)"
            ),
            ActionParameter("env", .templates, .value(.mapping([:])), "variables added to the environment"),
            ActionParameter("cwd", .template, .described("the procedure's [working folder](#working-folder)"), "the working folder; a relative path is taken from the procedure file's folder"),
            ActionParameter(
                "shell", .command, .described("the procedure's `shell`, else `procrun.yaml`'s `defaults.shell`, else `/bin/sh`"),
                "the shell (a program and its flags: `bash -euo pipefail`, or a list of words) used when the command needs one: [Which shell](#which-shell)"
            ),
            ActionParameter("stdin", .template, .optional, "text written to the command's standard input (otherwise it reads `/dev/null`)"),
        ])
    package static let hasEffects = true

    /// The command and its options.
    let call: CommandCall

    package init?(compiling parameters: borrowing ActionCompiler, reader: inout NodeReader) {
        guard let call = Self.command(parameters, reader: &reader) else { return nil }
        self.call = call
    }

    /// The command of `parameters` (`command`, with `env`, `cwd`, `shell` and `stdin`): a `shell`
    /// step's, and also the shape of a library action's definition.
    static func command(_ parameters: ActionCompiler, reader: inout NodeReader) -> CommandCall? {
        guard let commandNode = parameters.node("command"), let command = Self.words(commandNode, parameters, reader: &reader) else { return nil }
        var call = CommandCall(command: command)
        // Most commands have no other parameter: one pass rather than a search for each name.
        for parameter in parameters.parameters {
            switch parameter.name {
            case "env": call.environment = parameters.mapping("env", reader: &reader)
            case "cwd": call.workingDirectory = parameters.field(parameter, reader: &reader)
            case "shell": call.shell = shell(parameter, parameters, reader: &reader)
            case "stdin": call.standardInput = parameters.field(parameter, reader: &reader)
            default: break
            }
        }
        return call
    }

    /// A parameter that takes a line or a list of words (`command`, `shell`).
    private static func words(_ parameter: ProcedureLoader.Parameter, _ parameters: ActionCompiler, reader: inout NodeReader) -> CommandCall.Command? {
        guard let items = parameter.node.items else { return parameters.field(parameter, reader: &reader).map { .line($0) } }
        if items.isEmpty {
            reader.error(parameter.name == "command" ? .emptyCommandList : .shellNotWords(what: "parameter 'shell'", found: "[]"), at: parameter.node.start)
        }
        return .arguments(items.compactMap { ProcedureLoader.template($0, "an item of parameter '\(parameter.name)'", reader: &reader) })
    }

    /// The `shell` parameter; a line without templates is split here, so that one that is not a
    /// program and its flags is an error of the file.
    private static func shell(_ parameter: ProcedureLoader.Parameter, _ parameters: ActionCompiler, reader: inout NodeReader) -> CommandCall.Command? {
        let shell = words(parameter, parameters, reader: &reader)
        if case .line(let field)? = shell, field.template.parts.allSatisfy({ if case .text = $0 { true } else { false } }),
            ShellProgram.words(ofLine: field.template.source) == nil
        {
            reader.error(.shellNotWords(what: "parameter 'shell'", found: field.template.source), at: parameter.node.start)
        }
        return shell
    }

    package func collectTemplates(into fields: inout [TemplateField]) {
        call.collectTemplates(into: &fields)
    }

    package func check(in scope: NameShape, file: SourceFile, inherited: [String: EnvironmentSetting]) -> [Diagnostic] {
        call.shellSafetyDiagnostics(in: scope, file: file) + call.arithmeticEnvironmentDiagnostics(inherited: inherited, scope: scope, file: file)
    }

    package var preview: String? { call.preview(parameters: [:]) }

    package func dryRun(_ context: any ActionContext, into result: inout ActionResult) throws(StepFailure) {
        result.outcome = try call.describe(in: context, file: nil)
    }

    package func expectationFailure(of result: ActionResult, _ expect: Expectation) -> StepFailure? {
        Self.exitCodeFailure(of: result, expect)
    }

    /// Why a command's exit code fails the step: it is not one of `expect`'s, or not 0.
    package static func exitCodeFailure(of result: ActionResult, _ expect: Expectation) -> StepFailure? {
        let accepted = expect.exitCodes ?? [0]
        guard let code = result.exitCode, !accepted.contains(code) else { return nil }
        return StepFailure(.exitCode(accepted: accepted, got: code), quoting: Expectation.lastLine(result.stderr))
    }

    /// Runs the command in its `cwd` (taken from the procedure file's folder), else where the
    /// procedure's commands run (``ActionContext/commandDirectory``); a step that fails before its
    /// command exits has exit code 127, as a shell says of a command it could not run.
    package func perform(_ context: any ActionContext, into result: inout ActionResult) throws(StepFailure) {
        do {
            try call.run(in: context, file: nil, directory: context.directory, runsIn: context.commandDirectory, into: &result)
        } catch {
            if result.exitCode == nil { result.exitCode = 127 }
            throw error
        }
    }
}
