import ArgumentParser

/// `procrun run FILE`: loads, binds inputs, runs and reports; returns the process exit code.
package struct RunCommand: ParsableArguments {
    /// The procedure: a file, or a name in the library.
    @Argument(help: "A procedure's name in the library, or its file.", completion: .file(extensions: ["yaml", "yml"]))
    var file: String
    /// `--set NAME=VALUE` texts.
    @Option(name: [.customShort("s"), .customLong("set")], help: ArgumentHelp("An input value, read as the input's type.", valueName: "NAME=VALUE"))
    var settings: [String] = []
    /// `--inputs FILE`: a JSON object of input values (`-`: standard input); `--set` values win.
    @Option(name: .customLong("inputs"), help: ArgumentHelp("Input values as a JSON object (- for standard input); --set wins.", valueName: "FILE"))
    var inputsFile: String?
    /// `--resume`: rerun the last failed run from its failed step, with its inputs.
    @Flag(help: "Rerun the last failed run of the procedure from its failed step, with the same inputs.")
    var resume = false
    /// `--force`: resume (`--resume`, `--from`) even when the procedure changed since that run.
    @Flag(help: "With --resume or --from: go on even when the procedure changed since that run.")
    var force = false
    /// `--from STEP`: start at this step (an id or a number), the earlier ones skipped.
    @Option(name: .customLong("from"), help: ArgumentHelp("Start at this step (an id or a number); earlier steps are skipped, their results taken from the last run.", valueName: "STEP"))
    var fromStep: String?
    /// `--adapt ACTION.PARAM=VALUE` texts.
    @Option(name: .customLong("adapt"), help: ArgumentHelp("Override PARAM in every step using ACTION.", valueName: "ACTION.PARAM=VALUE"))
    var adaptations: [String] = []
    /// `--library DIR`.
    @OptionGroup var library: LibraryOption
    /// `--executor COMMAND`: the executor for actions nothing else defines (replaces procrun.yaml's).
    @Option(help: ArgumentHelp("Run actions nothing else defines through COMMAND (see grammar.md, Executors).", valueName: "COMMAND"))
    var executor: String?
    /// `--timeout DURATION`: each step's limit when the step sets no `timeout` (wins over the
    /// library's `defaults.timeout`).
    @Option(help: ArgumentHelp("Each step's limit when the step sets no timeout (500ms, 30s, 5m).", valueName: "DURATION"))
    var timeout: String?
    /// `--junit FILE`: where the JUnit XML report is written.
    @Option(help: ArgumentHelp("Also write the run as JUnit XML, for CI (one testsuite per procedure, one testcase per step).", valueName: "FILE"))
    var junit: String?
    /// `--dry-run`.
    @Flag(name: [.customShort("n"), .long], help: "Print each step as it would run, and run nothing.")
    var dryRun = false
    /// `--json`, `--quiet`, `--verbose`.
    @OptionGroup var reporting: ReportingOptions
    /// `--no-learn`, `--learn`.
    @OptionGroup var learningFlags: LearningOptions
    /// `--no-color`.
    @OptionGroup var color: ColorOption

    /// A run as the command line gives it (the procedure is required).
    package init() {}

    /// Runs the command; the result is the exit code documented in grammar.md.
    package func execute(stdout: TextOutput = .standardOutput, stderr: TextOutput = .standardError) -> Int32 {
        var renderer = DiagnosticRenderer(color: color.isOn(for: stderr))
        func fail(_ diagnostics: [Diagnostic]) -> Int32 {
            return stderr.reject(diagnostics, renderer)
        }
        var given: [(name: String, text: String)] = []
        var problems: [Diagnostic] = []
        for setting in settings {
            guard let (name, value) = setting.assignment, !name.isEmpty else {
                problems.append(Diagnostic(CommandProblem.setNotAssignment(setting)))
                continue
            }
            given.append((name, value))
        }
        var adapted: [Adaptation] = []
        for text in adaptations {
            guard let adaptation = Adaptation(parsing: text) else {
                problems.append(Diagnostic(CommandProblem.adaptNotAssignment(text)))
                continue
            }
            adapted.append(adaptation)
        }
        if learningFlags.learn, learningFlags.noLearn { problems.append(Diagnostic(CommandProblem.learnContradiction)) }
        var defaultTimeout: Duration?
        if let timeout {
            do throws(Diagnostic) {
                defaultTimeout = try Duration(option: "--timeout", timeout)
            } catch {
                problems.append(error)
            }
        }
        if !problems.isEmpty { return fail(problems) }

        var found: Library
        let file: String
        do {
            (file, found) = try ProcedureTarget.resolve(self.file, library: library.path)
            if let executor { found.executor = ExternalCommand(line: executor, workingDirectory: FileSystem.currentDirectory()) }
        } catch {
            return fail(error.diagnostics)
        }
        let run = ProcedureRun(path: file, library: found, adaptations: adapted)
        let procedure: Procedure
        do {
            procedure = try run.load()
        } catch {
            for source in run.sources { renderer.add(source) }
            if let source = try? SourceFile.read(file) { renderer.add(source) }
            return fail(error.diagnostics)
        }
        for source in run.sources { renderer.add(source) }
        let learning: Bool
        do {
            learning = try LearningSwitch.isOn(
                flag: learningFlags.choice, environment: FileSystem.environment(LearningSwitch.variable), library: found)
        } catch {
            return fail([error])
        }
        let warnings = run.graph.warnings
        if !warnings.isEmpty {
            stderr.write(renderer.render(warnings))
            stderr.flush()
        }
        let inputs: [String: Value]
        var point: ResumePoint?
        do {
            var values = try inputsFile.map { path throws(DiagnosticsError) in try Self.readInputs(path) } ?? [:]
            if resume && fromStep != nil { return fail([Diagnostic(CommandProblem.exclusiveOptions("--resume", "--from"))]) }
            if let resumption: ProcedureRun.Resumption = resume ? .lastFailure : fromStep.map({ .from($0) }) {
                let (resumed, earlier) = try run.resumePoint(resumption, for: procedure, force: force)
                point = resumed
                if let earlier, !reporting.quiet, !reporting.json {
                    let step = procedure.allSteps[resumed.start]
                    let name = step.id.map { " '\($0.value)'" } ?? " (\(step.action.value))"
                    let state = earlier.finished ? (earlier.success ? "succeeded" : "failed") : "never finished"
                    let verb = resume ? "resuming run" : "starting at step \(resumed.start + 1)\(name), with the results of run"
                    let tail = resume ? " from step \(resumed.start + 1)\(name)" : ""
                    stderr.write("\(verb) \(earlier.id) of '\(procedure.name.value)' (started \(earlier.started), \(state))\(tail)\n")
                    stderr.flush()
                }
                if resume, let earlier {
                    let missing = earlier.secretInputs.filter { name in !given.contains { $0.name == name } && values[name] == nil }
                    if !missing.isEmpty {
                        return fail([Diagnostic(CommandProblem.secretInputsNotKept(missing))])
                    }
                    values = earlier.inputs.merging(values) { $1 }
                }
            }
            // On a terminal, a required input without a value is asked for (never with --json, or
            // when standard input carries --inputs).
            let prompter = InputPrompter(output: stderr)
            guard let prompted = reporting.json || inputsFile == "-" ? [] : prompter.answers(for: procedure, texts: given, values: values) else {
                return CommandFailure.interrupted.exitStatus
            }
            inputs = try run.bind(texts: given + prompted, values: values, to: procedure)
        } catch {
            return fail(error.diagnostics)
        }

        if let successor = procedure.supersededBy, !reporting.quiet, !reporting.json {
            let reason = procedure.supersededReason.isEmpty ? "" : " (\(procedure.supersededReason))"
            stderr.write("\(procedure.file.path): note: '\(procedure.name.value)' is superseded by '\(successor.value)'\(reason); running it anyway\n")
            stderr.flush()
        }
        Interrupts.install()
        var options = RunOptions()
        options.dryRun = dryRun
        options.defaultTimeout = defaultTimeout
        options.streamOutput = reporting.verbose && !reporting.json && !reporting.quiet
        let printer = reporting.json || reporting.quiet ? nil : ProgressPrinter(output: stdout, color: color.isOn(for: stdout), streaming: options.streamOutput, dryRun: dryRun)
        printer?.begin(procedure)
        let outcome = run.execute(procedure, inputs: inputs, options: options, observer: printer, learn: learning, resume: point)
        let report = outcome.report
        // The stats are saved before anything is printed, so a reader that went away (a closed
        // pipe) cannot keep the run from being recorded.
        if let notKept = outcome.notKept {
            stderr.write(renderer.render(Diagnostic(CommandProblem.runNotKept(reason: notKept), .warning)))
        }
        for problem in outcome.learningProblems {
            stderr.write(renderer.render(Diagnostic(CommandProblem.statsNotSaved(problem), .warning, path: problem.path, at: problem.location, notes: problem.notes)))
        }
        stderr.flush()
        printer?.end(report)
        if reporting.json {
            stdout.write(JSONReport.render(report, learned: outcome.learned) + "\n")
            stdout.flush()
        } else if reporting.quiet, !report.success {
            if let failure = report.firstFailure {
                stderr.write("\(procedure.file.path): step \(failure.number) (\(failure.id ?? failure.action)) failed: \(failure.error ?? "failed")\n")
            } else if let error = report.error {
                stderr.write("\(procedure.file.path): \(error)\n")
            }
            stderr.flush()
        }
        if let junit {
            do {
                try FileSystem.write(Array(JUnitReport.render(report).utf8), to: junit)
            } catch {
                stderr.write(renderer.render(Diagnostic(CommandProblem.junitNotWritten(reason: error.description))))
                stderr.flush()
            }
        }
        ProcessLifetime.keepUntilExit((run, procedure, report))
        return CommandFailure.exitStatus(of: report.interrupted ? .interrupted : report.success ? nil : .failed())
    }
}

extension RunCommand {
    /// The most `--inputs` may hold.
    static let inputsLimit = 64 << 20

    /// The JSON object of `--inputs FILE` (`-`: standard input).
    static func readInputs(_ path: String) throws(DiagnosticsError) -> [String: Value] {
        let bytes: [UInt8]
        do {
            bytes = path == "-" ? try FileSystem.readStandardInput(limit: inputsLimit) : try FileSystem.read(path, limit: inputsLimit, streams: true)
        } catch {
            throw DiagnosticsError([Diagnostic(CommandProblem.inputsUnreadable(reason: error.description))])
        }
        guard let value = Value(jsonText: String(decoding: bytes, as: UTF8.self)), case .mapping(let values) = value else {
            throw DiagnosticsError([Diagnostic(CommandProblem.inputsNotObject(path: path))])
        }
        return values
    }
}
