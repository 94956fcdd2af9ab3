package import ArgumentParser
import ProcrunLanguage
import ProcrunMemory
import ProcrunRuntime
import ProcrunSystem
import ProcrunText

/// `procrun run FILE...`: loads, binds inputs, runs and reports; returns the process exit code.
/// Several procedures are all loaded and given their inputs first, then run in order
/// (``RunCommand/runAll(_:defaultTimeout:stdout:stderr:renderer:)``).
package struct RunCommand: ParsableCommand {
    /// The command's name and help, as `procrun help` shows them.
    package static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a procedure (the default: procrun NAME is procrun run NAME).",
        discussion: """
            Examples:
              # run a procedure by its name, with an input
              procrun run hello --set name=Ada
              # run a file, with an input
              procrun run procedures/deploy_backend.yaml --set tag=v1.4.2
              # print each step as it would run, and run nothing
              procrun deploy_backend --dry-run
              # rerun the last failed run from its failed step
              procrun deploy_backend --resume
              # start at a step, the earlier ones' results taken from the last run
              procrun deploy_backend --from push
              # the words after -- are the value of the input declared rest: true
              procrun test -- -v --nocapture
              # the report as JSON, for a script or an agent
              procrun deploy_backend --json --no-learn > report.json
            """
    )

    /// Runs the command for the command line: a status other than 0 ends the process with it.
    package func run() throws { try ExitCode.unlessSuccess(execute()) }

    /// The procedures: files, or names in the library, run in order.
    @Argument(
        help: ArgumentHelp("Procedures' names in the library, or their files: several run in order, up to the first that fails.", valueName: "file"),
        completion: .procedures)
    var files: [String]
    /// The words after `--` (`procrun test -- -v --nocapture`): the value of the procedure's
    /// `rest: true` input. The procedures are an array of arguments too, so ``passingRest(_:)``
    /// hands each word over as this hidden option before the parser reads the line.
    @Option(name: .customLong(Self.restOption), parsing: .unconditionalSingleValue, help: .hidden)
    var restWords: [String] = []
    /// `--set NAME=VALUE` texts.
    @Option(
        name: [.customShort("s"), .customLong("set")], help: ArgumentHelp("An input value, read as the input's type.", valueName: "NAME=VALUE"),
        completion: .custom { words, index, prefix in CompletionCandidates.inputs(words, at: index, prefix: prefix) })
    var settings: [String] = []
    /// `--inputs FILE`: a JSON object of input values (`-`: standard input); `--set` values win.
    @Option(name: .customLong("inputs"), help: ArgumentHelp("Input values as a JSON object (- for standard input); --set wins.", valueName: "FILE"))
    var inputsFile: String?
    /// `--resume`: rerun the last failed run from its failed step, with its inputs.
    @Flag(help: "Rerun the last failed run of the procedure from its failed step, with the same inputs.")
    var resume = false
    /// `--force`: run steps and procedures whose up-to-date check holds (their fingerprints still
    /// stored); resume (`--resume`, `--from`) even when the procedure changed since that run.
    @Flag(help: "Run steps and procedures even when their up-to-date check holds; with --resume or --from: go on even when the procedure changed since that run.")
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
    @Option(help: ArgumentHelp("Also write the run as JUnit XML, for CI (one testcase per step that ran, steps of called procedures included).", valueName: "FILE"))
    var junit: String?
    /// `--keep-going`: with several procedures, run them all even after one failed.
    @Flag(help: "With several procedures: run them all, even after one failed.")
    var keepGoing = false
    /// `--dry-run`.
    @Flag(name: [.customShort("n"), .long], help: "Print each step as it would run, and run nothing.")
    var dryRun = false
    // How the run reports and whether it learns are flags of `run` alone, declared here rather than
    // in option groups of their own: every group is one more type that the argument parser reflects,
    // and looks its conformances up for, at every start of a run.
    /// `--json`: the JSON report on standard output instead of progress.
    @Flag(help: "Print the JSON report on standard output instead of progress.")
    var json = false
    /// `--quiet`: nothing but errors.
    @Flag(name: [.customShort("q"), .long], help: "Print nothing but errors.")
    var quiet = false
    /// `--verbose`: each command's output streamed as it runs.
    @Flag(name: [.customShort("v"), .long], help: "Stream each command's output as it runs.")
    var verbose = false
    /// `--no-learn`: the stats block is left untouched.
    @Flag(help: "Leave the stats block untouched.")
    var noLearn = false
    /// `--learn`: learn even when `PROCRUN_LEARN=0` or `learn: false` says not to.
    @Flag(help: "Learn from this run even when PROCRUN_LEARN=0 or procrun.yaml's 'learn: false' says not to.")
    var learn = false
    /// `--no-color`.
    @OptionGroup var color: ColorOption
    /// `--events-fd N` (not in the help: `procrun mcp` gives it): a ``StepEvent`` line on
    /// descriptor N as each step starts and finishes.
    @Option(name: .customLong("events-fd"), help: ArgumentHelp("Write a JSON line to descriptor N as each step starts and finishes.", valueName: "N", visibility: .hidden))
    var eventsDescriptor: Int32?

    /// A run as the command line gives it (the procedure is required).
    package init() {}

    /// What `--learn` and `--no-learn` say: true for `--learn`, false for `--no-learn`, nil for
    /// neither (the environment and the library decide, ``LearningSwitch``).
    private var learningChoice: Bool? {
        learn ? true : noLearn ? false : nil
    }

    /// Runs the command; the result is the exit code documented in grammar.md.
    package func execute(stdout: TextOutput = .standardOutput, stderr: TextOutput = .standardError) -> Int32 {
        var renderer = DiagnosticRenderer(color: color.isOn(for: stderr))
        renderer.workflowCommands = WorkflowCommand.isOn
        // What `--json`'s report of a run that could not start names.
        // With several procedures, the one a problem is in (the first when it is none's).
        var target: (file: String, procedure: String?) = (files.first ?? "", nil)
        do throws(CommandFailure) {
            let arguments = try parsedArguments()
            var loaded: [(run: ProcedureRun, procedure: Procedure, learning: Bool)] = []
            var problems: [Diagnostic] = []
            for file in files {
                do throws(CommandFailure) {
                    let (run, procedure) = try load(file, arguments.adaptations, renderer: &renderer)
                    target = (procedure.file.path, procedure.name.value)
                    let learning: Bool
                    do {
                        learning = try LearningSwitch.isOn(
                            flag: learningChoice, environment: FileSystem.environment(LearningSwitch.variable), library: run.library)
                    } catch {
                        throw .invalid([error])
                    }
                    let warnings = run.graph.warnings
                    if !warnings.isEmpty {
                        stderr.write(renderer.render(warnings))
                        stderr.flush()
                    }
                    loaded.append((run, procedure, learning))
                } catch {
                    if problems.isEmpty, files.count > 1 { target = (file, nil) }
                    problems += error.diagnostics
                }
            }
            if !problems.isEmpty { throw .invalid(problems) }
            if files.count > 1 { target = (files[0], nil) }
            let values = try Self.invalid { () throws(DiagnosticsError) in try inputsFile.map { path throws(DiagnosticsError) in try Self.readInputs(path) } ?? [:] }
            try checkInputNames(arguments.given, values, of: loaded.map(\.procedure))
            var prepared: [Prepared] = []
            for (run, procedure, learning) in loaded {
                if files.count > 1 { target = (procedure.file.path, procedure.name.value) }
                let (texts, given) = declaredOnly(arguments.given, values, by: procedure)
                let (inputs, point) = try bindInputs(texts, values: given, run: run, procedure: procedure, stderr: stderr, renderer: renderer)
                prepared.append(Prepared(run: run, procedure: procedure, learning: learning, inputs: inputs, resume: point))
            }
            for item in prepared {
                guard let successor = item.procedure.supersededBy, !quiet, !json else { continue }
                let reason = item.procedure.supersededReason.isEmpty ? "" : " (\(item.procedure.supersededReason))"
                stderr.write("\(item.procedure.file.path): note: '\(item.procedure.name.value)' is superseded by '\(successor.value)'\(reason); running it anyway\n")
                stderr.flush()
            }
            Interrupts.install()
            return CommandFailure.exitStatus(of: runAll(prepared, defaultTimeout: arguments.defaultTimeout, stdout: stdout, stderr: stderr, renderer: renderer))
        } catch {
            let status = stderr.end(error, renderer)
            if json, case .invalid(let diagnostics) = error {
                stdout.write(JSONReport.renderNotStarted(file: target.file, procedure: target.procedure, diagnostics: diagnostics) + "\n")
                stdout.flush()
            }
            return status
        }
    }

    /// Runs one procedure prepared, printing its progress and report (the JSON report when it is
    /// the only one), its needs once in `needs`; how it went.
    func run(
        _ item: Prepared, needs: NeedRegistry, defaultTimeout: Duration?, stdout: TextOutput, stderr: TextOutput, renderer: DiagnosticRenderer
    ) -> ProcedureRun.Outcome {
        var options = RunOptions()
        options.needs = needs
        options.dryRun = dryRun
        options.force = force
        options.defaultTimeout = defaultTimeout
        options.streamOutput = verbose && !json && !quiet
        let printer = json || quiet ? nil : ProgressPrinter(
                output: stdout, color: color.isOn(for: stdout), streaming: options.streamOutput, dryRun: dryRun,
                workflowCommands: renderer.workflowCommands)
        printer?.begin(item.procedure)
        let events = eventsDescriptor.map { StepEventWriter(descriptor: $0, procedure: item.procedure, dryRun: dryRun, next: printer) }
        let outcome = item.run.execute(
            item.procedure, inputs: item.inputs, options: options, observer: events ?? printer, learn: item.learning, resume: item.resume)
        report(outcome, of: item.procedure, printer: printer, renderer: renderer, stdout: stdout, stderr: stderr)
        ProcessLifetime.keepUntilExit((item.run, item.procedure, outcome.report))
        return outcome
    }

    /// What `--set`, `--adapt`, `--learn`/`--no-learn` and `--timeout` say, every problem with them at once.
    private func parsedArguments() throws(CommandFailure) -> (given: [(name: String, text: String)], adaptations: [Adaptation], defaultTimeout: Duration?) {
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
        if learn, noLearn { problems.append(Diagnostic(CommandProblem.learnContradiction)) }
        if let eventsDescriptor, eventsDescriptor < 3 {
            problems.append(Diagnostic(CommandProblem.descriptorStandard(option: "--events-fd", eventsDescriptor)))
        } else if let eventsDescriptor, !StepEventWriter.isOpen(eventsDescriptor) {
            problems.append(Diagnostic(CommandProblem.descriptorNotOpen(option: "--events-fd", eventsDescriptor)))
        }
        problems += oneProcedureOptionProblems
        var defaultTimeout: Duration?
        if let timeout {
            do throws(Diagnostic) {
                defaultTimeout = try Duration(option: "--timeout", timeout)
            } catch {
                problems.append(error)
            }
        }
        if !problems.isEmpty { throw .invalid(problems) }
        return (given, adapted, defaultTimeout)
    }

    /// The procedure `argument` names, loaded and checked with what it calls; their files are
    /// added to `renderer`.
    private func load(_ argument: String, _ adaptations: [Adaptation], renderer: inout DiagnosticRenderer) throws(CommandFailure) -> (ProcedureRun, Procedure) {
        var found: Library
        let file: String
        do {
            (file, found) = try ProcedureTarget.resolve(argument, library: library.path, starting: true)
            if let executor { found.executor = ExternalCommand(line: executor, workingDirectory: FileSystem.currentDirectory()) }
        } catch {
            throw .invalid(error.diagnostics)
        }
        let run = ProcedureRun(path: file, library: found, adaptations: adaptations)
        defer { for source in run.sources { renderer.add(source) } }
        do {
            return (run, try run.load())
        } catch {
            if let source = try? SourceFile.read(file) { renderer.add(source) }
            throw .invalid(error.diagnostics)
        }
    }

    /// The inputs of the run (`--inputs`, `--set`, a resumed run's, answers at the prompt) and
    /// where it starts (`--resume`, `--from`).
    private func bindInputs(
        _ given: [(name: String, text: String)], values: [String: Value], run: ProcedureRun, procedure: Procedure, stderr: TextOutput,
        renderer: DiagnosticRenderer
    ) throws(CommandFailure) -> ([String: Value], ResumePoint?) {
        var values = values
        let rest = try Self.invalid { () throws(DiagnosticsError) in try InputBinder.rest(restWords, texts: given, of: procedure) }
        if resume && fromStep != nil { throw .invalid([Diagnostic(CommandProblem.exclusiveOptions("--resume", "--from"))]) }
        var point: ResumePoint?
        if let resumption: ProcedureRun.Resumption = resume ? .lastFailure : fromStep.map({ .from($0) }) {
            let (resumed, earlier) = try Self.invalid { () throws(DiagnosticsError) in try run.resumePoint(resumption, for: procedure, force: force) }
            point = resumed
            if let earlier, !quiet, !json {
                stderr.write(Self.resumption(resumed, of: earlier, procedure: procedure, resume: resume))
                stderr.flush()
            }
            if resume, let earlier {
                let missing = earlier.secretInputs.filter { name in !given.contains { $0.name == name } && values[name] == nil }
                if !missing.isEmpty { throw .invalid([Diagnostic(CommandProblem.secretInputsNotKept(missing))]) }
                values = earlier.inputs.merging(values) { $1 }
            }
        }
        // The words after `--` win over `--inputs` and a resumed run's values, as `--set` does.
        if let rest { values[rest.name] = rest.value }
        // On a terminal, a required input without a value is asked for (never with --json, or
        // when standard input carries --inputs).
        let prompter = InputPrompter(output: stderr, renderer: renderer)
        guard let prompted = json || inputsFile == "-" ? [:] : prompter.answers(for: procedure, texts: given, values: values) else {
            throw .interrupted
        }
        values.merge(prompted) { $1 }
        // Inputs given as JSON (`--inputs`, as an agent gives them) are spoken of in JSON's terms.
        let source: InputBinder.Source = inputsFile == nil ? .commandLine : .json
        let inputs = try Self.invalid { () throws(DiagnosticsError) in try run.bind(texts: given, values: values, to: procedure, source: source) }
        return (inputs, point)
    }

    /// `body`'s value, its problems an invalid command line or file.
    private static func invalid<T>(_ body: () throws(DiagnosticsError) -> T) throws(CommandFailure) -> T {
        do { return try body() } catch { throw .invalid(error.diagnostics) }
    }

    /// The line that says which earlier run a resumed run continues, and from which step.
    private static func resumption(_ point: ResumePoint, of earlier: RunRecord, procedure: Procedure, resume: Bool) -> String {
        let step = procedure.allSteps[point.start]
        let name = step.id.map { " '\($0.value)'" } ?? " (\(step.action.value))"
        let state = earlier.finished ? (earlier.success ? "succeeded" : "failed") : "never finished"
        let verb = resume ? "resuming run" : "starting at step \(point.start + 1)\(name), with the results of run"
        let tail = resume ? " from step \(point.start + 1)\(name)" : ""
        return "\(verb) \(earlier.id) of '\(procedure.name.value)' (started \(earlier.started), \(state))\(tail)\n"
    }

    /// Says how the run went: what could not be kept, the progress's last line, the JSON report,
    /// `--quiet`'s one line for a failure, the JUnit file.
    private func report(
        _ outcome: ProcedureRun.Outcome, of procedure: Procedure, printer: ProgressPrinter?, renderer: DiagnosticRenderer, stdout: TextOutput, stderr: TextOutput
    ) {
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
        if json, files.count == 1 {
            stdout.write(JSONReport.render(report, learned: outcome.learned) + "\n")
            stdout.flush()
        } else if quiet, !report.success {
            if let failure = report.firstFailure {
                stderr.write("\(procedure.file.path): step \(failure.number) (\(failure.id ?? failure.action)) failed: \(failure.error ?? "failed")\n")
            } else if let error = report.error {
                // An unmet precondition's error starts with its entry's position already.
                stderr.write((report.precondition == nil ? "\(procedure.file.path): " : "") + "\(error)\n")
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
    }
}

extension RunCommand {
    /// The hidden option that carries one word after `--`.
    static let restOption = "word-after-dashes"

    /// The command line of `procrun run` with each word after its first `--` given as
    /// ``restWords`` (`--word-after-dashes WORD`, which takes an empty word too); other command
    /// lines as they are.
    package static func passingRest(_ arguments: [String]) -> [String] {
        guard arguments.first == configuration.commandName, let dashes = arguments.firstIndex(of: "--") else { return arguments }
        return Array(arguments[..<dashes]) + arguments[(dashes + 1)...].flatMap { ["--\(restOption)", $0] }
    }

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
