/// `procrun run FILE`: loads, binds inputs, runs and reports; returns the process exit code.
public struct RunCommand {
    /// The procedure file.
    public var path: String
    /// `--set NAME=VALUE` texts.
    public var settings: [String] = []
    /// `--adapt ACTION.PARAM=VALUE` texts.
    public var adaptations: [String] = []
    /// `--library DIR`.
    public var library: String?
    /// `--dry-run`.
    public var dryRun = false
    /// `--json`.
    public var json = false
    /// `--quiet`.
    public var quiet = false
    /// `--verbose`.
    public var verbose = false
    /// `--no-learn` (the stats block is left untouched).
    public var noLearn = false
    /// `--no-color`.
    public var noColor = false
    /// `--junit FILE`: where the JUnit XML report is written.
    public var junit: String?
    /// `--executor COMMAND`: the executor for actions nothing else defines (replaces procrun.yaml's).
    public var executor: String?
    /// Leaves what the run loaded to the end of the process instead of freeing it
    /// (``ProcessLifetime``); for a caller that exits right after, as the `procrun` executable does.
    public var keepsLoadedDataUntilExit = false

    /// A command for a file with default options.
    public init(path: String) {
        self.path = path
    }

    /// Runs the command; the result is the exit code documented in grammar.md.
    public func execute(stdout: TextOutput = .standardOutput, stderr: TextOutput = .standardError) -> Int32 {
        var renderer = DiagnosticRenderer(color: !noColor && stderr.wantsColor)
        func fail(_ diagnostics: [Diagnostic]) -> Int32 {
            return stderr.reject(diagnostics, renderer)
        }
        var given: [(name: String, text: String)] = []
        var problems: [Diagnostic] = []
        for setting in settings {
            guard let equals = setting.firstIndex(of: "="), equals != setting.startIndex else {
                problems.append(Diagnostic(.error, "--set '\(setting)': expected NAME=VALUE"))
                continue
            }
            given.append((String(setting[..<equals]), String(setting[setting.index(after: equals)...])))
        }
        var adapted: [Adaptation] = []
        for text in adaptations {
            guard let adaptation = Adaptation(parsing: text) else {
                problems.append(Diagnostic(.error, "--adapt '\(text)': expected ACTION.PARAM=VALUE"))
                continue
            }
            adapted.append(adaptation)
        }
        if !problems.isEmpty { return fail(problems) }

        let procedure: Procedure
        var found: Library
        let graph: CallGraph
        do {
            found = try Library.discover(forProcedureAt: path, override: library)
            if let executor { found.executor = ExternalCommand(line: executor, workingDirectory: FileSystem.currentDirectory()) }
            if let config = found.configFile { renderer.add(config) }
        } catch {
            return fail(error.diagnostics)
        }
        graph = CallGraph(library: found, adaptations: adapted)
        do {
            procedure = try graph.load(path: path)
        } catch {
            for file in graph.sources { renderer.add(file) }
            if let bytes = try? FileSystem.read(path) { renderer.add(SourceFile(path: path, bytes: bytes)) }
            return fail(error.diagnostics)
        }
        renderer.add(procedure.file)
        let warnings = graph.warnings
        if !warnings.isEmpty {
            for file in graph.sources { renderer.add(file) }
            stderr.write(renderer.render(warnings))
            stderr.flush()
        }
        let inputs: [String: Value]
        do {
            inputs = try InputBinder.bind(given, to: procedure)
        } catch {
            return fail(error.diagnostics)
        }

        if let successor = procedure.supersededBy, !quiet, !json {
            let reason = procedure.supersededReason.isEmpty ? "" : " (\(procedure.supersededReason))"
            stderr.write("\(procedure.file.path): note: '\(procedure.name.value)' is superseded by '\(successor.value)'\(reason); running it anyway\n")
            stderr.flush()
        }
        Interrupts.install()
        var options = RunOptions()
        options.dryRun = dryRun
        options.streamOutput = verbose && !json && !quiet
        let printer = json || quiet ? nil : ProgressPrinter(output: stdout, color: !noColor && stdout.wantsColor, streaming: options.streamOutput, dryRun: dryRun)
        printer?.begin(procedure)
        let interpreter = Interpreter(procedure: procedure, library: found, observer: printer, options: options)
        interpreter.graph = graph
        let report = interpreter.run(inputs: inputs)
        printer?.end(report)
        if json {
            stdout.write(JSONReport.render(report) + "\n")
            stdout.flush()
        } else if quiet, !report.success {
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
                stderr.write("error: the JUnit report could not be written: \(error.description)\n")
                stderr.flush()
            }
        }
        if !dryRun, !noLearn, !report.interrupted {
            learn(from: report, procedure: procedure, renderer: renderer, stderr: stderr)
        }
        if keepsLoadedDataUntilExit { ProcessLifetime.keepUntilExit((graph, procedure, interpreter, report)) }
        if report.interrupted { return ExitStatus.interrupted }
        return report.success ? ExitStatus.success : ExitStatus.failed
    }
}

/// The exit codes grammar.md documents.
public enum ExitStatus {
    /// Every step succeeded or was skipped; `check` found no problem.
    public static let success: Int32 = 0
    /// The procedure ran and failed.
    public static let failed: Int32 = 1
    /// The file or the command line is invalid; nothing ran.
    public static let invalid: Int32 = 2
    /// Interrupted by Ctrl-C.
    public static let interrupted: Int32 = 130
}
