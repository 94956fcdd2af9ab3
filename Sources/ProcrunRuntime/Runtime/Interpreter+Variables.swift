import ProcrunLanguage
import ProcrunSystem
import ProcrunText

extension Interpreter {
    /// The variables the procedure reads as `vars.NAME` that `vars:` declares: the library's,
    /// with the procedure's own over them (a procedure's variable shadows the library's).
    static func declaredVariables(of procedure: Procedure, in library: Library) -> [String: Variable] {
        var declared: [String: Variable] = [:]
        for variable in library.variables + procedure.variables { declared[variable.name.value] = variable }
        return declared
    }

    /// Computes the declared variables in `names` that the run has not computed yet (and those
    /// they read first), making them readable as `vars.NAME`; returns the failure of the first
    /// that could not be computed, which fails the step that read it.
    func computeVariables(_ names: Set<String>) -> StepFailure? {
        for name in names.sorted() where declaredVariables[name] != nil && vars(has: name) == false {
            do {
                try compute(name)
            } catch {
                return error
            }
        }
        return nil
    }

    /// Whether `vars.NAME` has a value now.
    private func vars(has name: String) -> Bool {
        guard case .mapping(let values)? = context.roots["vars"] else { return false }
        return values[name] != nil
    }

    /// Computes the declared variable `name` (a library variable through ``libraryValue(_:)``)
    /// and makes it readable as `vars.NAME`.
    private func compute(_ name: String) throws(StepFailure) {
        guard let variable = declaredVariables[name] else { return }
        let value: Value
        if variable.isLibrary {
            value = try libraryValue(name)
        } else {
            // The procedure's variables read those declared above them (and the library's).
            for read in variable.variablesRead.sorted() where !vars(has: read) { try compute(read) }
            value = try self.value(of: variable, file: procedure.file, shell: shell, directory: commandDirectory, overlay: environmentOverlay)
        }
        guard case .mapping(var values)? = context.roots.removeValue(forKey: "vars") else { return }
        values[name] = value
        context.roots["vars"] = .mapping(values)
    }

    /// The value of `procrun.yaml`'s variable `name`, the same for the whole run: its templates
    /// read `env` as the library leaves it (never a procedure's), `os` and the library's variables
    /// above it, and its command runs in the library's `defaults.cwd` (else its folder) with its
    /// `defaults.shell`.
    private func libraryValue(_ name: String) throws(StepFailure) -> Value {
        if let known = libraryValues[name] { return known }
        guard let variable = library.variables.last(where: { $0.name.value == name }), let file = library.configFile else { return .null }
        for read in variable.variablesRead.sorted() { _ = try libraryValue(read) }
        let saved = context
        let environment = libraryEnvironment ?? (self.environment, [])
        context = RenderContext(roots: [
            "env": .mapping(environment.values.mapValues(Value.string)), "os": Platform.value, "vars": .mapping(libraryValues),
        ])
        defer { context = saved }
        let directory = FileSystem.absolute(library.defaultWorkingDirectory?.value ?? FileSystem.directory(of: file.path))
        let value = try self.value(of: variable, file: file, shell: library.defaultShell?.value ?? .standard, directory: directory, overlay: environment.overlay)
        libraryValues[name] = value
        return value
    }

    /// A variable's value with the names templates read now: a constant's, or its command's
    /// output (run once per run for each command line it renders to: ``ComputedVariables``).
    private func value(of variable: Variable, file: SourceFile, shell: ShellProgram, directory: String, overlay: [(String, String)]) throws(StepFailure) -> Value {
        switch variable.definition {
        case .constant(.typed(let value)):
            return value
        case .constant(.template(let field)):
            return try render(field, file: file)
        case .command(let call):
            guard let line = variable.commandLine else { return .null }
            if options.dryRun { return .string("<vars.\(variable.name.value): computed when run>") }
            let key = [file.path, variable.name.value, try string(line, file: file)].joined(separator: "\u{0}")
            let outcome = computed.value(key) {
                Result { () throws(StepFailure) in try output(of: call, variable, line: line, file: file, shell: shell, directory: directory, overlay: overlay) }
            }
            return try outcome.get()
        }
    }

    /// Runs a variable's command as a `shell` step's command runs (its shell-safety rules, the
    /// shell, the folder and the variables given here), bounded by the default timeout, its output
    /// not streamed: its standard output without trailing line endings, or why it failed (at the
    /// command, with the last lines of its standard error).
    private func output(
        of call: CommandCall, _ variable: Variable, line: TemplateField, file: SourceFile, shell: ShellProgram, directory: String, overlay: [(String, String)]
    ) throws(StepFailure) -> Value {
        let saved = (self.shell, environmentOverlay)
        (self.shell, environmentOverlay) = (shell, overlay)
        defer { (self.shell, environmentOverlay) = saved }
        let name = variable.name.value
        let result = try runQuietly(
            call, file: file, directory: FileSystem.absolute(FileSystem.directory(of: file.path)), in: directory, timeout: timeLeft(limit(nil)),
            failures: (
                timedOut: { self.failure(.variableTimedOut(name: name, limit: $0), at: line, in: file) },
                notRun: { self.failure(.variableNotRun(name: name, reason: $0), at: line, in: file) }
            ))
        if let code = result.exitCode, code != 0 {
            throw failure(.variableExited(name: name, exitCode: code), at: line, in: file, quoting: Self.lastLines(of: result.stderr))
        }
        var text = result.stdout
        while text.last == "\n" || text.last == "\r\n" || text.last == "\r" { text.removeLast() }
        return .string(text)
    }

    /// A variable's failure at its command's position in `file`, shown with `quoting`.
    private func failure(_ problem: StepProblem, at line: TemplateField, in file: SourceFile, quoting: String = "") -> StepFailure {
        let (kind, message) = problem.described
        var failure = StepFailure(kind, Diagnostic.error(.variableFailed, message, in: file, at: line.node.start))
        failure.shown += quoting
        return failure
    }

    /// The last three lines of a command's standard error that hold something, as a failure
    /// quotes them (`": a; b; c"`), or nothing.
    static func lastLines(of text: String) -> String {
        let lines = text.split(whereSeparator: \.isNewline).filter { !$0.allSatisfy(\.isWhitespace) }.suffix(3)
        return lines.isEmpty ? "" : ": " + lines.joined(separator: "; ").excerpt(400)
    }
}
