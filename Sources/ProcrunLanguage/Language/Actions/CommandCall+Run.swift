import ProcrunSystem
package import ProcrunText

extension CommandCall {
    /// Runs the command for a step (a `shell` step's, a library action's) and fills `result` from
    /// the process. `file` is where its templates are written (nil: the procedure's file);
    /// `directory` is the folder of that file, where a relative `cwd` starts; the command runs in
    /// its `cwd`, else in `runsIn` (nil: `directory`); `timeout` ends it (nil: the step's
    /// ``ActionContext/timeLimit``).
    package func run(
        in context: any ActionContext, file: SourceFile?, directory: String, runsIn: String? = nil, timeout: Duration? = nil,
        into result: inout ActionResult
    ) throws(StepFailure) {
        let (spec, planned) = try process(in: context, file: file, directory: directory, runsIn: runsIn, timeout: timeout ?? context.timeLimit)
        if planned, spec.workingDirectory.map(FileSystem.isDirectory) ?? true, let printed = BuiltinEcho.output(for: spec.arguments) {
            context.show(output: printed)
            result.stdout = ActionResult.withoutFinalNewline(printed)
            result.outcome = result.stdout
            result.exitCode = 0
            return
        }
        let process: ProcessResult
        do {
            process = try context.run(spec)
        } catch {
            result.exitCode = 127
            throw StepFailure(.action, error.message)
        }
        result.stdout = ActionResult.withoutFinalNewline(process.stdout.text)
        result.stderr = ActionResult.withoutFinalNewline(process.stderr.text)
        result.outcome = result.stdout
        result.exitCode = Int(process.exitCode)
        if process.interrupted { throw StepFailure.interrupted }
        if process.cancelled { throw StepFailure.cancelled }
        if process.timedOut {
            throw StepFailure(.timedOut(limit: context.expiredTimeout(spec.timeout)?.shortDescription))
        }
    }

    /// The process to start, its templates rendered, and whether the line was planned to run
    /// directly (without a shell).
    private func process(
        in context: any ActionContext, file: SourceFile?, directory: String, runsIn: String?, timeout: Duration?
    ) throws(StepFailure) -> (ProcessSpec, planned: Bool) {
        var spec = ProcessSpec(arguments: [])
        spec.timeout = timeout
        var planned = false
        var dataVariables: [(String, String)] = []
        switch command {
        case .arguments(let fields):
            for field in fields { spec.arguments += try items(field, in: context, file: file) }
        case .line(let field):
            switch try plan(field, in: context, file: file) {
            case .direct(let arguments):
                spec.arguments = arguments
                planned = true
            case .shell(let script, let environment):
                spec.arguments = try shellWords(in: context, file: file) + ["-c", script]
                dataVariables = environment.map { ($0.name, $0.value) }
            }
        }
        spec.extraEnvironment += context.commandEnvironment
        for (name, field) in environment {
            spec.extraEnvironment.append((name, try context.string(field, file: file)))
        }
        if !spec.extraEnvironment.isEmpty {
            try refuseArithmeticEnvironment(arguments: spec.arguments, environment: spec.extraEnvironment, in: context, file: file)
        }
        // The values the shell reads as data come last: no `env` (a procedure's, a library's, a
        // .env file's, a step's) can replace one of them.
        spec.extraEnvironment += dataVariables
        let folder = try workingDirectory.map { (field) throws(StepFailure) in FileSystem.join(directory, try context.string(field, file: file)) } ?? runsIn ?? directory
        if folder != context.currentDirectory { spec.workingDirectory = folder }
        if let input = standardInput { spec.standardInput = Array(try context.string(input, file: file).utf8) }
        return (spec, planned)
    }

    /// The shell that runs the line, its program first: the command's `shell` (a line split into
    /// words as a command line is, or a list of words), else the procedure's
    /// (``ActionContext/shell``, ``Procedure/shell(in:)``).
    func shellWords(in context: any ActionContext, file: SourceFile?) throws(StepFailure) -> [String] {
        switch shell {
        case nil:
            return context.shell.words
        case .arguments(let fields)?:
            var words: [String] = []
            for field in fields { words.append(try context.string(field, file: file)) }
            return words
        case .line(let field)?:
            let text = try context.string(field, file: file)
            guard let words = ShellProgram.words(ofLine: text) else { throw StepFailure(.shellNotWords(found: text)) }
            return words
        }
    }

    /// The arguments an item of a list-form command gives: a list's items when the item is its
    /// one template, else the item's text (``Template/renderItems(in:)``).
    func items(_ field: TemplateField, in context: any ActionContext, file: SourceFile?) throws(StepFailure) -> [String] {
        do {
            return try field.template.renderItems(in: context.names)
        } catch {
            throw StepFailure(.template, field.diagnostic(error.explained(by: context.names), in: file ?? context.file))
        }
    }

    /// How a command line runs: directly or through the shell, with templated values as data.
    private func plan(_ field: TemplateField, in context: any ActionContext, file: SourceFile?) throws(StepFailure) -> ShellPlan {
        let parts: [RenderedPart]
        do {
            parts = try field.template.renderParts(in: context.names)
        } catch {
            throw StepFailure(.template, field.diagnostic(error.explained(by: context.names), in: file ?? context.file))
        }
        do {
            return try ShellPlanner.plan(field.template, rendered: parts)
        } catch {
            let source = file ?? context.file
            throw StepFailure(.action, .error(.commandSyntax, error.message, in: source, at: field.node.location(ofTextOffset: error.offset, in: source)))
        }
    }

    /// Refuses a command that evaluates as arithmetic a variable procrun set (`env`, a `.env` file)
    /// to text that is not a plain integer: bash would evaluate that text as an expression and run
    /// any `$(...)` in a subscript of it. The rule templated values follow (grammar.md, "Shell
    /// safety"), held for the environment. `environment` is what procrun adds, later entries winning.
    private func refuseArithmeticEnvironment(
        arguments: [String], environment: [(String, String)], in context: any ActionContext, file: SourceFile?
    ) throws(StepFailure) {
        var values: [String: String] = [:]
        for (name, value) in environment { values[name] = value }
        let suspects = values.filter { !ShellPlanner.isPlainInteger($0.value) }
        guard !suspects.isEmpty else { return }
        let names: Set<String>
        switch command {
        case .line(let field):
            guard suspects.keys.contains(where: field.template.source.contains) else { return }
            names = context.arithmeticNames(in: field.template)
        case .arguments:
            names = ShellPlanner.arithmeticNames(inArguments: arguments)
        }
        guard let name = suspects.keys.filter(names.contains).min() else { return }
        let message = ShellPlanner.arithmeticEnvironmentMessage(name) + "; its value is not one"
        switch command {
        case .line(let field):
            let source = file ?? context.file
            throw StepFailure(.action, .error(.commandSyntax, message, in: source, at: field.node.location(ofTextOffset: 0, in: source)))
        case .arguments:
            throw StepFailure(.action, message)
        }
    }
}
