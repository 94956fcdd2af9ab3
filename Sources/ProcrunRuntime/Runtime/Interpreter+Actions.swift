import ProcrunLanguage
import ProcrunText

extension Interpreter {
    /// One attempt at a step's action, filling `result` (a fresh result of the step: its number,
    /// id and action); expectations are checked by the caller. In a dry run
    /// (never failed by its expectations), steps that only compute (`set`, `log`, `assert`, a
    /// call of a procedure, itself run dry) are performed; the rest are described, with their
    /// templates rendered, and later steps read placeholders for their text
    /// (`<steps.build.stdout: unknown in a dry run>`, ``StepResult/value``), never the description.
    func execute(_ step: Step, into result: inout StepResult) {
        running = RunningStep(step)
        let describing = options.dryRun && step.call.hasEffects
        do throws(StepFailure) {
            try act(step, describing: describing, into: &result)
        } catch {
            if describing {
                result.status = .failed
                result.error = error.message
            } else {
                result.fail(error)
            }
        }
        if describing, result.status == .success {
            result.described = true
            if step.id != nil { result.exitCode = 0 }
        }
    }

    /// Performs the step's action, or (`describing`) describes it, filling `result`.
    private func act(_ step: Step, describing: Bool, into result: inout StepResult) throws(StepFailure) {
        switch step.call {
        case .builtin(let action):
            if options.dryRun { try action.dryRun(self, into: &result.output) } else { try action.perform(self, into: &result.output) }
        case .library(let action, let arguments):
            try withParameters(of: action, arguments) { () throws(StepFailure) in
                if describing {
                    result.outcome = try action.command.describe(in: self, file: action.file)
                } else {
                    try action.command.run(in: self, file: action.file, directory: libraryDirectory, into: &result.output)
                }
            }
        case .procedure(let call):
            try ProcedureCallRun(call, step: step, caller: self).run(into: &result)
        case .external(let name, let parameters) where describing:
            var rendered: [String: Value] = [:]
            for (parameter, tree) in parameters { rendered[parameter] = try render(tree) }
            result.outcome = "executor: \(name) " + redact(Value.mapping(rendered).jsonText)
        case .external(let name, let parameters):
            try ExecutorCallRun(name: name, parameters: parameters, step: step, caller: self).run(into: &result.output)
        case .parallel:
            // A group runs through ParallelGroupRun, never as one action.
            throw StepFailure(.groupIsNotAction)
        }
    }

    /// Runs `body` with the templates reading a library action's `params` (the step's arguments
    /// over the action's defaults) instead of the run's names.
    func withParameters(
        of action: LibraryAction, _ arguments: [(name: String, field: TemplateField)], _ body: () throws(StepFailure) -> Void
    ) throws(StepFailure) {
        var params: [String: Value] = [:]
        for parameter in action.parameters {
            if let value = parameter.defaultValue { params[parameter.name] = .string(value) }
        }
        for (name, field) in arguments {
            // A list stays a list, which the command spreads as words; any other value is text.
            let value = try render(field)
            if case .list = value { params[name] = value } else { params[name] = .string(try text(value, of: field)) }
        }
        let saved = context
        context = RenderContext(roots: ["params": .mapping(params)])
        defer { context = saved }
        try body()
    }

    /// Renders a field, turning a template error into a positioned step failure.
    func render(_ field: TemplateField, file: SourceFile? = nil) throws(StepFailure) -> Value {
        try render(field, file: file, nullAllowed: false)
    }

    /// Renders a field as ``render(_:file:)`` does; `nullAllowed`: a template of one expression
    /// may give null (``Template/render(in:nullAllowed:)``).
    func render(_ field: TemplateField, file: SourceFile?, nullAllowed: Bool) throws(StepFailure) -> Value {
        do {
            return try field.template.render(in: context, nullAllowed: nullAllowed)
        } catch {
            let error = error.explained(by: context)
            // What the error quotes from the value is shown, never kept (``StepFailure/message``).
            var failure = StepFailure(.template, field.diagnostic(error, in: file ?? procedure.file))
            failure.shown += error.quoted
            throw failure
        }
    }

    /// Renders a field to text.
    func string(_ field: TemplateField, file: SourceFile? = nil) throws(StepFailure) -> String {
        try text(render(field, file: file), of: field, file: file)
    }

    /// A field's value as text, a value with no text (null) failing the step at the field.
    private func text(_ value: Value, of field: TemplateField, file: SourceFile? = nil) throws(StepFailure) -> String {
        do {
            return try value.rendered()
        } catch {
            throw StepFailure(.template, .error(.templateType, error.message, in: file ?? procedure.file, at: field.node.start))
        }
    }
}
