package import ArgumentParser
import ProcrunLanguage
import ProcrunRuntime
import ProcrunSystem
import ProcrunText

/// `procrun check [PROCEDURE...]`: reads every procedure named (files, names, folders; none: the
/// whole library) and reports every problem, running nothing.
package struct CheckCommand: ParsableCommand {
    /// The command's name and help, as `procrun help` shows them.
    package static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check procedure files without running them; report every problem.",
        discussion: """
            Examples:
              # every procedure of the library, and procrun.yaml
              procrun check
              # a procedure by its name, and a file
              procrun check hello procedures/deploy_backend.yaml
              # a library whose actions an executor runs
              procrun check --executor 'python3 examples/executor.py'
            """
    )

    /// Runs the command for the command line: a status other than 0 ends the process with it.
    package func run() throws { try ExitCode.unlessSuccess(execute()) }

    /// The procedures to check: files, names in the library, or folders (none: the whole library).
    @Argument(help: "Procedure names, files or folders (default: the whole library).", completion: .procedures)
    var files: [String] = []
    /// `--library DIR`.
    @OptionGroup var library: LibraryOption
    /// `--executor COMMAND`: actions nothing else defines are left to it (as `run --executor` does).
    @Option(help: ArgumentHelp("Accept actions nothing else defines, as run --executor COMMAND would run them.", valueName: "COMMAND"))
    var executor: String?
    /// `--strict`: a warning fails the check as an error does.
    @Flag(help: "Report warnings as errors: any warning fails the check (exit 2).")
    var strict = false
    /// `--json`: one JSON document on standard output (``CheckCommand/json(files:diagnostics:problems:)``), nothing else.
    @Flag(help: "Print one JSON document on standard output: every file, every problem, a summary.")
    var json = false
    /// `--no-color`.
    @OptionGroup var color: ColorOption

    /// A check of the whole library, no option given.
    package init() {}

    /// Checks; the result is 0 when every file is valid (with `--strict`: and has no warning), 2 otherwise.
    package func execute(stdout: TextOutput = .standardOutput, stderr: TextOutput = .standardError) -> Int32 {
        var renderer = DiagnosticRenderer(color: color.isOn(for: stderr))
        renderer.workflowCommands = WorkflowCommand.isOn
        var problems = 0
        // A problem in a file that several of the given files call is reported once (with the note of
        // the first call that reached it), and counted once.
        var reported: Set<Diagnostic> = []
        var indexes: [String: ProcedureIndex] = [:]
        // Which procedures call which, by library, found once an internal procedure is checked.
        var callers: [String: [String: Set<String>]] = [:]
        // What `--json` prints, instead of the text.
        var checked: [CheckedFile] = []
        var found: [Diagnostic] = []
        func report(_ diagnostics: [Diagnostic]) {
            if json { found += diagnostics } else { stderr.write(renderer.render(diagnostics)) }
        }
        func ok(_ file: CheckedFile, _ line: String) {
            checked.append(file)
            if !json { stdout.write(line) }
        }
        let paths: [String]
        do {
            paths = try ProcedureTarget.expand(files, library: library.path)
        } catch {
            guard json else { return stderr.reject(error.diagnostics, renderer) }
            stdout.write(Self.json(files: [], diagnostics: error.diagnostics, problems: max(error.diagnostics.count, 1)) + "\n")
            stdout.flush()
            return CommandFailure.exitStatus(of: .invalid())
        }
        // The callers of every procedure, included libraries' too, in the library the command
        // works on (read once, when an internal procedure of an included library asks).
        var including: [String: Set<String>]?
        func includingCallers() -> [String: Set<String>] {
            if let including { return including }
            var found: [String: Set<String>] = [:]
            if let top = try? ProcedureTarget.currentLibrary(override: library.path), !top.includes.isEmpty {
                found = CallGraph(library: top, index: ProcedureIndex(library: top)).callers()
            }
            including = found
            return found
        }
        for path in paths {
            var graph: CallGraph?
            do {
                // A library's own procrun.yaml (as in `procrun check procedures/*.yaml`) is checked as one.
                if path == Library.configName || path.hasSuffix("/" + Library.configName) {
                    let config = try Library.load(config: path, root: FileSystem.directory(of: path))
                    let count = config.actions.count
                    ok(CheckedFile(file: path), "ok: \(path): library with \(count) action\(count == 1 ? "" : "s")\n")
                    continue
                }
                let (file, located) = try ProcedureTarget.resolve(path, library: library.path)
                var found = located
                if let executor { found.executor = ExternalCommand(line: executor, workingDirectory: FileSystem.currentDirectory()) }
                if let config = found.configFile { renderer.add(config) }
                let index = indexes[found.root] ?? ProcedureIndex(library: found)
                indexes[found.root] = index
                let calls = CallGraph(library: found, index: index)
                graph = calls
                let procedure = try calls.load(path: file)
                let called = calls.procedures.count - 1
                let callNote = called > 0 ? ", calls \(called) procedure\(called == 1 ? "" : "s")" : ""
                // Counted as a run counts them: a group's steps and `finally` steps too.
                let steps = procedure.stepCount
                ok(
                    CheckedFile(file: file, procedure: procedure.name.value, steps: steps, calls: called),
                    "ok: \(file): '\(procedure.name.value)', \(steps) step\(steps == 1 ? "" : "s")\(callNote)\n")
                // What the run would fail on when a value is missing, beside the loader's warnings.
                let absent = calls.procedures.values.flatMap(\.absentValueWarnings)
                // An internal procedure nothing calls never runs.
                var uncalled: [Diagnostic] = []
                if let key = procedure.internalKey, key.value {
                    let known = callers[found.root] ?? CallGraph(library: found, index: index).callers()
                    callers[found.root] = known
                    // A procedure of an included library may be called by the library including it.
                    if known[CallGraph.key(of: file)] == nil, includingCallers()[CallGraph.key(of: file)] == nil {
                        uncalled.append(Diagnostic(LibraryProblem.internalNeverCalled(name: procedure.name.value), .warning, path: file, at: key.location))
                    }
                }
                var warnings = Diagnostic.sortedByPosition(calls.warnings + absent + uncalled).filter { reported.insert($0.withoutNotes).inserted }
                if strict {
                    for index in warnings.indices { warnings[index].severity = .error }
                    problems += warnings.count
                }
                if !warnings.isEmpty {
                    for file in calls.sources { renderer.add(file) }
                    report(warnings)
                }
                if path == paths.last { ProcessLifetime.keepUntilExit((calls, procedure)) }
            } catch {
                // A file with git's conflict markers is reported by the parser, naming 'procrun resolve'.
                let diagnostics = error.diagnostics
                if let file = try? SourceFile.read(path) { renderer.add(file) }
                for file in graph?.sources ?? [] { renderer.add(file) }
                let fresh = diagnostics.filter { reported.insert($0.withoutNotes).inserted }
                problems += fresh.count
                checked.append(CheckedFile(file: path))
                report(fresh)
            }
        }
        if json {
            stdout.write(Self.json(files: checked, diagnostics: found, problems: problems) + "\n")
        }
        stdout.flush()
        if problems > 0, !json {
            stderr.write("\(problems) problem\(problems == 1 ? "" : "s") found in \(paths.count) file\(paths.count == 1 ? "" : "s")\n")
        }
        stderr.flush()
        return CommandFailure.exitStatus(of: problems == 0 ? nil : .invalid())
    }
}
