extension Interpreter {
    /// Runs a command (a `shell` step or a library action) and fills the result from the process.
    /// Processes it leaves running are remembered, to be ended with the run, unless `step` says
    /// `keep_running`; then they, and the command itself, also outlive procrun's death.
    func runCommand(
        _ call: CommandCall, timeout: Duration?, defaultDirectory: String, into result: inout StepResult, file: SourceFile? = nil, step: Step
    ) throws(StepFailure) {
        var spec = ProcessSpec(arguments: [])
        var planned = false
        var dataVariables: [(String, String)] = []
        switch call.command {
        case .arguments(let fields):
            for field in fields { spec.arguments.append(try string(field, file: file)) }
        case .line(let field):
            let shell = try call.shell.map { (field) throws(StepFailure) in try string(field, file: file) } ?? "/bin/sh"
            switch try plan(field, shell: shell, file: file) {
            case .direct(let arguments):
                spec.arguments = arguments
                planned = true
            case .shell(let script, let environment):
                spec.arguments = [shell, "-c", script]
                dataVariables = environment.map { ($0.name, $0.value) }
            }
        }
        spec.extraEnvironment += environmentOverlay
        for (name, field) in call.environment {
            spec.extraEnvironment.append((name, try string(field, file: file)))
        }
        if !spec.extraEnvironment.isEmpty {
            try refuseArithmeticEnvironment(call, arguments: spec.arguments, environment: spec.extraEnvironment, file: file)
        }
        // The values the shell reads as data come last: no `env` (a procedure's, a library's, a
        // .env file's, a step's) can replace one of them.
        spec.extraEnvironment += dataVariables
        let folder = try call.workingDirectory.map { (field) throws(StepFailure) in
            FileSystem.join(defaultDirectory, try string(field, file: file))
        } ?? defaultDirectory
        if folder != currentDirectory { spec.workingDirectory = folder }
        if let input = call.standardInput { spec.standardInput = Array(try string(input, file: file).utf8) }
        spec.timeout = timeout
        spec.cancelDescriptor = cancelDescriptor
        spec.endsWithProcrun = !step.keepRunning
        // Streamed output is shown with secret values masked, also across chunk boundaries.
        var maskers: [(OutputStream, SecretMasker)] = []
        if options.streamOutput, let observer {
            let box = ObserverBox(observer)
            if secrets.isEmpty {
                spec.onOutput = { stream, bytes in box.observer.commandOutput(bytes, stream: stream) }
            } else {
                let out = SecretMasker(secrets)
                let err = SecretMasker(secrets)
                maskers = [(.stdout, out), (.stderr, err)]
                spec.onOutput = { stream, bytes in
                    let shown = (stream == .stdout ? out : err).feed(bytes)
                    shown.withUnsafeBytes { box.observer.commandOutput($0, stream: stream) }
                }
            }
        }
        defer {
            for (stream, masker) in maskers {
                let rest = masker.finish()
                if !rest.isEmpty { rest.withUnsafeBytes { observer?.commandOutput($0, stream: stream) } }
            }
        }
        if planned, spec.workingDirectory.map(FileSystem.isDirectory) ?? true, let printed = BuiltinEcho.output(for: spec.arguments) {
            if options.streamOutput, let observer {
                var text = redact(printed)
                text.withUTF8 { observer.commandOutput(UnsafeRawBufferPointer($0), stream: .stdout) }
            }
            result.stdout = Self.withoutFinalNewline(printed)
            result.outcome = result.stdout
            result.exitCode = 0
            return
        }
        let process: ProcessResult
        do {
            process = try ProcessRunner.run(spec)
        } catch {
            result.exitCode = 127
            throw StepFailure(.action, error.message)
        }
        if let group = process.leftoverGroup, !step.keepRunning {
            leftovers.add(group, step: "\(procedure.name.value) › \(step.displayName)")
        }
        result.stdout = Self.withoutFinalNewline(process.stdout.text)
        result.stderr = Self.withoutFinalNewline(process.stderr.text)
        result.outcome = result.stdout
        result.exitCode = Int(process.exitCode)
        if process.interrupted { throw StepFailure.interrupted }
        if process.cancelled { throw StepFailure.cancelled }
        if process.timedOut {
            // When a calling step's deadline is what ran out, name its timeout as written, not the
            // time that happened to be left of it when this command started.
            let fired = deadline.map { ContinuousClock.now >= $0 } ?? false ? deadlineTimeout ?? timeout : timeout
            throw StepFailure(.timedOut, "timed out after \(fired?.shortDescription ?? "its timeout")")
        }
    }

    /// How a command line runs: directly or through the shell, with templated values as data.
    private func plan(_ field: TemplateField, shell: String, file: SourceFile?) throws(StepFailure) -> ShellPlan {
        let parts: [RenderedPart]
        do {
            parts = try field.template.renderParts(in: context)
        } catch {
            throw StepFailure(.template, field.diagnostic(error, in: file ?? procedure.file))
        }
        do {
            return try ShellPlanner.plan(field.template, rendered: parts)
        } catch {
            let source = file ?? procedure.file
            throw StepFailure(.action, .error(.commandSyntax, error.message, in: source, at: field.node.location(ofTextOffset: error.offset, in: source)))
        }
    }

    /// The text without one final line ending, `\n` or `\r\n` (which Swift counts as one character).
    static func withoutFinalNewline(_ text: String) -> String {
        var text = text
        if text.last == "\n" || text.last == "\r\n" { text.removeLast() }
        return text
    }
}

/// Lets the synchronous output callback reach the observer; the run is single-threaded.
private final class ObserverBox: @unchecked Sendable {
    let observer: any RunObserver
    init(_ observer: any RunObserver) { self.observer = observer }
}
